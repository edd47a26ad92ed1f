#ifndef CXXSURFACE_H
#define CXXSURFACE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The C surface: plain C names. */
int cs_add(int a, int b);
size_t cs_count_words(const char *text);
double cs_average(const double *values, size_t count);

#ifdef __cplusplus
}

/* A C++ function: exported under its mangled name (_Z10cs_mangledi), not as 'cs_mangled'. */
int cs_mangled(int x);
#endif

#endif
