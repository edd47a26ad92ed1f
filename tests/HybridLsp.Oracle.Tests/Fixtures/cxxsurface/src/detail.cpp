#include "detail.h"

__attribute__((visibility("hidden"))) int cs_hidden_helper(int x)
{
    return x * 2;
}
