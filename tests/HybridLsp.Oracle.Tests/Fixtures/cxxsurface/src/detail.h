#ifndef CXXSURFACE_DETAIL_H
#define CXXSURFACE_DETAIL_H

/* Hidden: defined in detail.cpp, callable inside the library, not exported. */
__attribute__((visibility("hidden"))) int cs_hidden_helper(int x);

#endif
