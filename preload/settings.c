/* settings.c: the CPROF_* variables (common/cprof-env.h), read once, as
 * the runtime starts: the one place the runtime reads its environment.  A
 * program that changes its environment later (setenv, clearenv) changes
 * nothing of the profile's settings. */
#include "config.h"

#include "runtime-int.h"

static const char *values[CPROF_ENV_N];

void settings_init(void)
{
	for (int v = 0; v < CPROF_ENV_N; v++)
		values[v] = cprof_env_get((enum cprof_env)v);
}

const char *setting(enum cprof_env v)
{
	return values[v] ? values[v] : cprof_env_row(v)->dflt;
}
