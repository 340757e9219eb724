#ifndef MNEMO_CREADLINE_SHIM_H
#define MNEMO_CREADLINE_SHIM_H
#include <stdio.h>
#if __has_include(<readline/readline.h>)
#include <readline/readline.h>
#include <readline/history.h>
#else
#error "GNU readline headers are missing: run 'apt-get install libreadline-dev' (see README.md)"
#endif
#endif
