/* imageops: a tiny image library with a C ABI, bound from C# through P/Invoke. */
#ifndef IMAGEOPS_H
#define IMAGEOPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The library is compiled with hidden visibility: only IMAGEOPS_API functions are exported. */
#if defined(_WIN32)
#  if defined(IMAGEOPS_BUILDING)
#    define IMAGEOPS_API __declspec(dllexport)
#  else
#    define IMAGEOPS_API __declspec(dllimport)
#  endif
#else
#  define IMAGEOPS_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Pixel formats; the value is the number of bytes per pixel. An enum is an int (4 bytes) here. */
typedef enum io_format {
    IO_FORMAT_GRAY8 = 1,
    IO_FORMAT_RGB24 = 3,
    IO_FORMAT_RGBA32 = 4
} io_format;

/*
 * An image header. On 64-bit targets 'format' (4 bytes) is followed by 4 bytes of padding, so 'width' is at
 * offset 8 and the struct is 32 bytes; on 32-bit targets there is no padding and it is 16 bytes.
 */
typedef struct io_image {
    io_format format;
    size_t width;
    size_t height;
    uint8_t *pixels;
} io_image;

/* Statistics of one image: padding after 'min' (3 bytes) and after 'max' (7 bytes): 24 bytes in all. */
typedef struct io_stats {
    uint8_t min;
    uint32_t count;
    uint8_t max;
    double mean;
} io_stats;

/* Called after every row by io_checksum; 'user_data' is passed through unchanged. */
typedef void (*io_progress_fn)(size_t rows_done, size_t rows_total, void *user_data);

/* The library version as 0x00MMmmpp. */
IMAGEOPS_API uint32_t io_version(void);

/* Bytes needed for the pixels of an image: width * height * bytes per pixel; 0 for an unknown format. */
IMAGEOPS_API size_t io_buffer_size(io_format format, size_t width, size_t height);

/* True when the image has pixels, a known format and a non-zero size. C 'bool' is 1 byte. */
IMAGEOPS_API bool io_is_valid(const io_image *image);

/* Sets every byte of the pixels to 'value'; returns 0, or -1 for an invalid image. */
IMAGEOPS_API int io_fill(io_image *image, uint8_t value);

/* Inverts every byte of the pixels; returns 0, or -1 for an invalid image. */
IMAGEOPS_API int io_invert(io_image *image);

/* Minimum, maximum and mean of the pixel bytes; returns false for an invalid image. */
IMAGEOPS_API bool io_stats_compute(const io_image *image, io_stats *stats);

/* An FNV-1a checksum of the pixels, calling 'progress' (may be NULL) after every row. */
IMAGEOPS_API uint64_t io_checksum(const io_image *image, io_progress_fn progress, void *user_data);

#ifdef __cplusplus
}
#endif

#endif /* IMAGEOPS_H */
