#include "cxxsurface.h"
#include "detail.h"

#include <cctype>

namespace {
// Internal linkage: never exported.
int twice(int x) { return cs_hidden_helper(x); }
}

// 'static': never exported.
static int cs_static_square(int x)
{
    return x * x;
}

extern "C" int cs_add(int a, int b)
{
    return a + b;
}

extern "C" size_t cs_count_words(const char *text)
{
    size_t words = 0;
    bool inWord = false;
    for (; text != nullptr && *text != '\0'; text++) {
        bool space = std::isspace(static_cast<unsigned char>(*text)) != 0;
        if (!space && !inWord)
            words++;
        inWord = !space;
    }
    return words;
}

extern "C" double cs_average(const double *values, size_t count)
{
    double sum = 0;
    for (size_t i = 0; i < count; i++)
        sum += values[i];
    return count == 0 ? 0 : sum / static_cast<double>(count);
}

int cs_mangled(int x)
{
    return twice(x) + cs_static_square(x);
}
