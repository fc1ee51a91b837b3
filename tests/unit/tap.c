/* tap.c: run a Check suite with TAP output. */
#include "config.h"

#include "tap.h"

int tap_run(Suite *s)
{
	SRunner *sr = srunner_create(s);

	srunner_set_fork_status(sr, CK_FORK);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
