#ifndef TRAINGATE_CYAML_SHIM_H
#define TRAINGATE_CYAML_SHIM_H

#include <yaml.h>

#endif
