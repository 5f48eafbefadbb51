/* helpers.c: plumbing shared by the Check unit tests, declared in helpers.h; nothing here
 * knows a lib/ module, so that a test never checks the code under test with itself. */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* Send stream (stderr or stdout) to a new temporary file until th_capture_end. */
void
th_capture_start(struct th_capture *c, FILE *stream)
{
	c->stream = stream;
	fflush(stream);
	ck_assert_ptr_nonnull(c->file = tmpfile());
	ck_assert_int_ne(c->saved = dup(fileno(stream)), -1);
	ck_assert_int_ne(dup2(fileno(c->file), fileno(stream)), -1);
}

/* Restore the stream; the captured text is in c->text, which is returned. */
const char *
th_capture_end(struct th_capture *c)
{
	size_t n;

	fflush(c->stream);
	ck_assert_int_ne(dup2(c->saved, fileno(c->stream)), -1);
	close(c->saved);
	rewind(c->file);
	n = fread(c->text, 1, sizeof(c->text) - 1, c->file);
	c->text[n] = '\0';
	fclose(c->file);
	return c->text;
}

/*
 * Run fn(arg) in a forked child whose standard error goes to a temporary file, for code
 * that is meant to exit. A child that returns from fn exits with 99. Returns the wait
 * status; the child's standard error is in err, cut to errsize.
 */
int
th_run_in_child(void (*fn)(void *), void *arg, char *err, size_t errsize)
{
	FILE	*errf;
	pid_t	 pid;
	int	 status;
	size_t	 n;

	ck_assert_ptr_nonnull(errf = tmpfile());
	if ((pid = fork()) == 0) {
		dup2(fileno(errf), STDERR_FILENO);
		fn(arg);
		_exit(99);
	}
	ck_assert_int_ne(pid, -1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	rewind(errf);
	n = fread(err, 1, errsize - 1, errf);
	err[n] = '\0';
	fclose(errf);
	return status;
}

/* Encode a code point as UTF-8 by the textbook rule, apart from lib/hs_utf8.c; surrogates
 * are encoded too, for tests that must see them rejected. Returns the length. */
size_t
th_utf8_encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = 0xC0 | cp >> 6;
		out[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = 0xE0 | cp >> 12;
		out[1] = 0x80 | (cp >> 6 & 0x3F);
		out[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	out[0] = 0xF0 | cp >> 18;
	out[1] = 0x80 | (cp >> 12 & 0x3F);
	out[2] = 0x80 | (cp >> 6 & 0x3F);
	out[3] = 0x80 | (cp & 0x3F);
	return 4;
}

/* xorshift64: a fixed-seed generator, so every run tests the same inputs. */
uint64_t
th_next_random(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

char *
th_written(enum hs_format format, void (*write)(struct hs_writer *, void *), void *arg)
{
	struct hs_writer	 w;
	FILE			*fp;
	char			*data = NULL;
	size_t			 len = 0;

	ck_assert_ptr_nonnull(fp = open_memstream(&data, &len));
	hs_writer_init(&w, fp, format);
	write(&w, arg);
	ck_assert_int_eq(hs_writer_close(&w), 0);
	ck_assert_int_eq(fclose(fp), 0);
	if (data == NULL)
		ck_assert_ptr_nonnull(data = strdup(""));
	return data;
}
