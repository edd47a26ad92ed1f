/* Functions shared by the library's source files; not part of the public header and not exported. */
#ifndef IMAGEOPS_INTERNAL_H
#define IMAGEOPS_INTERNAL_H

#include "imageops.h"

/* Not marked IMAGEOPS_API: hidden by the library's C_VISIBILITY_PRESET, so a C# binding to it fails at run time. */
size_t io_row_bytes(const io_image *image);

#endif
