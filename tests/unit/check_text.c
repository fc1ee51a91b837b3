/* Unit tests of text.c: outside strings escaped for a terminal. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"

static void expect_escaped(const char *in, const char *want)
{
	char *got = text_escape(in);

	ck_assert_msg(strcmp(got, want) == 0, "escaped '%s', want '%s'", got, want);
	free(got);
}

START_TEST(test_controls)
{
	expect_escaped("plain name_1 <lambda> a.c:3(f)", "plain name_1 <lambda> a.c:3(f)");
	expect_escaped("a\nb", "a\\nb");
	expect_escaped("a\tb\rc", "a\\tb\\rc");
	expect_escaped("\033[2J", "\\x1b[2J");
	expect_escaped("\033]0;pwned\007", "\\x1b]0;pwned\\x07");
	expect_escaped("\001\037", "\\x01\\x1f");
	expect_escaped("del\177", "del\\x7f");
	expect_escaped("", "");
	/* a backslash is shown as it is */
	expect_escaped("C:\\x1b", "C:\\x1b");
}
END_TEST

/* valid UTF-8 reads as written, but the C1 controls */
START_TEST(test_utf8)
{
	expect_escaped("caf\xc3\xa9", "caf\xc3\xa9");
	expect_escaped("\xe5\x87\xbd\xe6\x95\xb0", "\xe5\x87\xbd\xe6\x95\xb0");
	expect_escaped("\xf0\x9f\x90\x8d", "\xf0\x9f\x90\x8d");
	expect_escaped("\xc2\xa0nbsp", "\xc2\xa0nbsp"); /* U+00A0: the first after the C1 controls */
	expect_escaped("\xc2\x9b" "31m", "\\u009b31m");
	expect_escaped("\xc2\x80\xc2\x9f", "\\u0080\\u009f");
}
END_TEST

/* bytes that are not valid UTF-8: each one escaped, what follows kept */
START_TEST(test_invalid_bytes)
{
	expect_escaped("\x9b" "31m", "\\x9b31m");
	expect_escaped("\x80", "\\x80");
	expect_escaped("\xff\xfe", "\\xff\\xfe");
	expect_escaped("cut \xe5\x87", "cut \\xe5\\x87");
	expect_escaped("\xe5\x87x", "\\xe5\\x87x");
	expect_escaped("\xc0\xaf", "\\xc0\\xaf");             /* overlong '/' */
	expect_escaped("\xed\xa0\x80", "\\xed\\xa0\\x80");    /* a surrogate */
	expect_escaped("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"); /* above U+10FFFF */
	expect_escaped("\xc3\xc3\xa9", "\\xc3\xc3\xa9");
}
END_TEST

/* the longest escape of each byte, \xHH, fits */
START_TEST(test_worst_case)
{
	char in[257], want[4 * 256 + 1];

	for (int i = 0; i < 256; i++) {
		in[i] = (char)(0x80 + i % 64);
		sprintf(want + 4 * i, "\\x%02x", 0x80 + i % 64);
	}
	in[256] = '\0';
	expect_escaped(in, want);
}
END_TEST

static char *printed(const char *s, int width)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	text_print(f, s, width);
	fclose(f);
	return text;
}

START_TEST(test_print_pads_by_characters)
{
	char *p;

	p = printed("ab", 5);
	ck_assert_str_eq(p, "ab   ");
	free(p);
	p = printed("caf\xc3\xa9", 6); /* 4 characters in 5 bytes */
	ck_assert_str_eq(p, "caf\xc3\xa9  ");
	free(p);
	p = printed("a\033b", 7); /* its escape takes 6 columns */
	ck_assert_str_eq(p, "a\\x1bb ");
	free(p);
	p = printed("longer than 4", 4);
	ck_assert_str_eq(p, "longer than 4");
	free(p);
	p = printed("x\ny", 0);
	ck_assert_str_eq(p, "x\\ny");
	free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, test_controls);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_invalid_bytes);
	tcase_add_test(tc, test_worst_case);
	tcase_add_test(tc, test_print_pads_by_characters);
	suite_add_tcase(s, tc);
	return tap_run(s);
}
