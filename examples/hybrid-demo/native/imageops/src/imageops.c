#include "imageops_internal.h"

#include <string.h>

/* Bytes per pixel of a format; 0 when the format is unknown. 'static': never exported. */
static size_t bytes_per_pixel(io_format format)
{
    switch (format) {
    case IO_FORMAT_GRAY8: return 1;
    case IO_FORMAT_RGB24: return 3;
    case IO_FORMAT_RGBA32: return 4;
    default: return 0;
    }
}

IMAGEOPS_API uint32_t io_version(void)
{
    return 0x00010000u;
}

IMAGEOPS_API size_t io_buffer_size(io_format format, size_t width, size_t height)
{
    return bytes_per_pixel(format) * width * height;
}

size_t io_row_bytes(const io_image *image)
{
    return bytes_per_pixel(image->format) * image->width;
}

IMAGEOPS_API bool io_is_valid(const io_image *image)
{
    return image != NULL && image->pixels != NULL && bytes_per_pixel(image->format) != 0
        && image->width > 0 && image->height > 0;
}

IMAGEOPS_API int io_fill(io_image *image, uint8_t value)
{
    if (!io_is_valid(image))
        return -1;
    memset(image->pixels, value, io_row_bytes(image) * image->height);
    return 0;
}

IMAGEOPS_API int io_invert(io_image *image)
{
    if (!io_is_valid(image))
        return -1;
    size_t size = io_row_bytes(image) * image->height;
    for (size_t i = 0; i < size; i++)
        image->pixels[i] = (uint8_t)(255 - image->pixels[i]);
    return 0;
}

IMAGEOPS_API bool io_stats_compute(const io_image *image, io_stats *stats)
{
    if (!io_is_valid(image) || stats == NULL)
        return false;
    size_t size = io_row_bytes(image) * image->height;
    uint8_t lo = 255, hi = 0;
    double sum = 0;
    for (size_t i = 0; i < size; i++) {
        uint8_t v = image->pixels[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        sum += v;
    }
    stats->min = lo;
    stats->max = hi;
    stats->count = (uint32_t)size;
    stats->mean = sum / (double)size;
    return true;
}
