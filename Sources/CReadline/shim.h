#ifndef MNEMO_CREADLINE_SHIM_H
#define MNEMO_CREADLINE_SHIM_H
// GNU readline (libreadline-dev). If this include fails: apt-get install libreadline-dev
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#endif
