#ifndef PREFLIGHT_CFUZZDRIVER_H
#define PREFLIGHT_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt's FuzzerInterface.h), defined by the fuzzer runtime that
// -sanitize=fuzzer links in. PreflightFuzz's main picks the target, then hands over to it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
