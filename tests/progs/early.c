/* early: linked with libearly, whose constructor runs before cprof's. */
int early_status(void);

int main(void)
{
	return early_status();
}
