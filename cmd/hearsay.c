/* hearsay: the front end. `hearsay split ARGS` runs hearsay-split ARGS, found beside
 * this binary first (an uninstalled build tree works) and then in the install bindir. */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_util.h"

#ifndef HS_BINDIR
#define HS_BINDIR "/usr/local/bin"
#endif

/* The commands, each the suffix of a tool's name, with what it does. */
static const struct command {
	const char	*name;
	const char	*summary;
} commands[] = {
	{ "count",	"count records by key fields within groups; merge partial counts" },
	{ "extract-quotes", "find quotations, with their speakers and reporting verbs" },
	{ "split",	"cut raw articles into article, paragraph or sentence records" },
	{ "tag",	"find the names of people, organisations and places, dates and amounts" },
};

static void	usage(FILE *, int) __attribute__((noreturn));
static void	list_commands(FILE *);
static void	run_tool(const char *, char *[]) __attribute__((noreturn));

int
main(int argc, char *argv[])
{
	size_t i;

	if (argc < 2)
		usage(stderr, HS_EXIT_USAGE);
	if (strcmp(argv[1], "--version") == 0) {
		hs_print_version();
		return HS_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)
		usage(stdout, HS_EXIT_OK);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) == 0)
			run_tool(commands[i].name, argv + 1);
	}
	warnx("unknown command '%s'", argv[1]);
	usage(stderr, HS_EXIT_USAGE);
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s command [argument ...]\n"
	    "       %s --version\n"
	    "       %s help\n", getprogname(), getprogname(), getprogname());
	list_commands(fp);
	exit(status);
}

static void
list_commands(FILE *fp)
{
	size_t i;

	fprintf(fp, "commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-16s %s\n", commands[i].name, commands[i].summary);
}

/* Exec hearsay-NAME with args (args[0] is the command name, replaced by the tool's). */
static void
run_tool(const char *name, char *args[])
{
	char	 tool[64], self[PATH_MAX], path[PATH_MAX + 64], *slash;
	ssize_t	 n;

	snprintf(tool, sizeof(tool), "hearsay-%s", name);
	args[0] = tool;
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/%s", self, tool);
			if (access(path, X_OK) == 0) {
				execv(path, args);
				err(HS_EXIT_DATA, "%s", path);
			}
		}
	}
	snprintf(path, sizeof(path), "%s/%s", HS_BINDIR, tool);
	execv(path, args);
	err(HS_EXIT_DATA, "%s", path);
}
