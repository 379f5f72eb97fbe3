// glibc's malloc tuning (mallopt, M_ARENA_MAX, M_MMAP_THRESHOLD, M_TRIM_THRESHOLD), which Swift's Glibc module leaves out.
#include <malloc.h>
