#include "imageops_internal.h"

IMAGEOPS_API uint64_t io_checksum(const io_image *image, io_progress_fn progress, void *user_data)
{
    if (!io_is_valid(image))
        return 0;
    uint64_t hash = 14695981039346656037ull;
    size_t row = io_row_bytes(image);
    for (size_t y = 0; y < image->height; y++) {
        for (size_t x = 0; x < row; x++) {
            hash ^= image->pixels[y * row + x];
            hash *= 1099511628211ull;
        }
        if (progress != NULL)
            progress(y + 1, image->height, user_data);
    }
    return hash;
}
