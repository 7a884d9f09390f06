/* The option tables at work: getopt_long over a command's table, its
 * --help, and the completion scripts (options.h). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MAX_OPTIONS 64
#define HELP_COLUMN 22

const struct cli_command *cli_command(const char *name) {
  const struct cli_command *c;
  for (c = cli_commands; c->name; c++)
    if (!strcmp(c->name, name))
      return c;
  return NULL;
}

static size_t n_options(const struct cli_command *cmd) {
  size_t n = 0;
  while (cmd->options[n].id)
    n++;
  return n;
}

/* "-f, --format FMT", "    --reveal", "-iL, --input-list FILE" */
static void term(const struct cli_option *o, char *buf, size_t n) {
  char first[16] = "    ";
  if (o->alias)
    snprintf(first, sizeof first, "%s, ", o->alias);
  else if (o->short_name)
    snprintf(first, sizeof first, "-%c, ", o->short_name);
  snprintf(buf, n, "%s--%s%s%s", first, o->name, o->arg ? " " : "",
           o->arg ? o->arg : "");
}

/* text at HELP_COLUMN after a term, then its further lines below */
static void help_lines(FILE *f, const char *lead, const char *text) {
  int used = fprintf(f, "%s", lead);
  const char *p = text, *nl;
  if (used + 2 > HELP_COLUMN) {
    fputs("  ", f);
  } else {
    fprintf(f, "%*s", HELP_COLUMN - used, "");
  }
  while ((nl = strchr(p, '\n'))) {
    fprintf(f, "%.*s\n%*s", (int)(nl - p), p, HELP_COLUMN, "");
    p = nl + 1;
  }
  fprintf(f, "%s\n", p);
}

static void options_help(const struct cli_command *cmd, FILE *f) {
  const struct cli_option *o;
  char t[64], lead[72];
  for (o = cmd->options; o->id; o++) {
    term(o, t, sizeof t);
    snprintf(lead, sizeof lead, "  %s", t);
    help_lines(f, lead, o->help);
  }
}

void cli_command_help(const struct cli_command *cmd, FILE *f) {
  char lead[64];
  fprintf(f, "usage: ajar %s [OPTIONS] %s\n\n", cmd->name, cmd->operands);
  snprintf(lead, sizeof lead, "  %s %s", cmd->name, cmd->operands);
  help_lines(f, lead, cmd->summary);
  if (!strcmp(cmd->name, "scan")) /* its summary points at them */
    cli_stores_usage(f);
  fputs("\nOptions:\n", f);
  options_help(cmd, f);
}

/* the sections of `ajar --help` after the commands: each command's
 * options (called by cli_usage) */
void cli_options_usage(FILE *f) {
  const struct cli_command *c;
  for (c = cli_commands; c->name; c++) {
    if (!c->options[0].id || (c->options[0].id == OPT_HELP && !c->options[1].id))
      continue;
    fprintf(f, "\nOptions of %s:\n", c->name);
    options_help(c, f);
  }
}

void cli_opts_init(struct cli_opts *o) {
  memset(o, 0, sizeof *o);
  o->format = "text";
  o->fail_on = -1;
}

static int one_of(const char *v, const char *words) {
  size_t n = strlen(v);
  const char *p = words;
  while (*p) {
    size_t k = strcspn(p, " ");
    if (k == n && !strncmp(p, v, n))
      return 1;
    p += k;
    p += *p == ' ';
  }
  return 0;
}

int cli_common_option(struct cli_opts *o, int id, const char *arg) {
  char *end;
  long n;
  switch (id) {
  case OPT_FORMAT:
    o->format = arg;
    return 0;
  case OPT_OUTPUT:
    o->output = arg;
    return 0;
  case OPT_THREADS:
    n = strtol(arg, &end, 10);
    if (end == arg || *end || n < 1 || n > 64) {
      fprintf(stderr, "ajar: -j: '%s' is not a thread count from 1 to 64\n",
              cli_safe(arg));
      return -1;
    }
    o->threads = (int)n;
    return 0;
  case OPT_INPUT_FORMAT:
    o->input_format = arg;
    return 0;
  case OPT_FAIL_ON:
    o->fail_on = ajar_severity_from_name(arg);
    if (o->fail_on < 0) {
      fprintf(stderr, "ajar: --fail-on: unknown severity '%s' "
                      "(info, low, medium, high, critical)\n", cli_safe(arg));
      return -1;
    }
    return 0;
  case OPT_BASELINE:
    o->baseline = arg;
    return 0;
  case OPT_REVEAL:
    o->reveal = 1;
    return 0;
  case OPT_NO_COLOR:
    o->no_color = 1;
    return 0;
  default:
    return 1;
  }
}

int cli_common_only(int id, const char *arg, void *ctx) {
  int rc = cli_common_option(ctx, id, arg);
  return rc > 0 ? -1 : rc;
}

int cli_getopt(const struct cli_command *cmd, int argc, char **argv,
               cli_option_fn fn, void *ctx) {
  struct option lo[MAX_OPTIONS + 1];
  char shorts[3 * MAX_OPTIONS + 2], *sp = shorts;
  size_t n = n_options(cmd), i;
  int c, k, end_of_options = 0;
  if (n > MAX_OPTIONS)
    return -1;
  *sp++ = ':'; /* a missing value comes back as ':' */
  for (i = 0; i < n; i++) {
    const struct cli_option *o = &cmd->options[i];
    lo[i].name = o->name;
    lo[i].has_arg = o->arg ? required_argument : no_argument;
    lo[i].flag = NULL;
    lo[i].val = 256 + (int)i;
    if (o->short_name) {
      *sp++ = (char)o->short_name;
      if (o->arg)
        *sp++ = ':';
    }
  }
  *sp = 0;
  memset(&lo[n], 0, sizeof lo[n]);
  /* spellings getopt cannot read (nmap's -iL) become the long option */
  for (k = 1; k < argc && !end_of_options; k++) {
    end_of_options = !strcmp(argv[k], "--");
    for (i = 0; i < n; i++)
      if (cmd->options[i].alias && !strcmp(argv[k], cmd->options[i].alias)) {
        static char spelled[MAX_OPTIONS][40];
        snprintf(spelled[i], sizeof spelled[i], "--%s", cmd->options[i].name);
        argv[k] = spelled[i];
      }
  }
  opterr = 0;
  optind = 0; /* glibc: start over (and read the optstring afresh) */
  while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
    const struct cli_option *o = NULL;
    if (c >= 256) {
      o = &cmd->options[c - 256];
    } else if (c != '?' && c != ':') {
      for (i = 0; i < n && !o; i++)
        if (cmd->options[i].short_name == c)
          o = &cmd->options[i];
    }
    if (c == ':') {
      fprintf(stderr, "ajar %s: option %s needs a value\n", cmd->name,
              cli_safe(argv[optind - 1]));
      return -1;
    }
    if (!o) {
      char bad[3] = {'-', (char)optopt, 0};
      fprintf(stderr, "ajar %s: unknown option '%s' (try 'ajar %s --help')\n",
              cmd->name, cli_safe(optopt ? bad : argv[optind - 1]), cmd->name);
      return -1;
    }
    if (o->id == OPT_HELP) {
      cli_command_help(cmd, stdout);
      return CLI_EXIT_HELP;
    }
    if (o->arg && o->values && o->values[0] != '@' &&
        !one_of(optarg, o->values)) {
      fprintf(stderr, "ajar %s: --%s: '%s' is not one of: %s\n", cmd->name,
              o->name, cli_safe(optarg), o->values);
      return -1;
    }
    if (fn(o->id, o->arg ? optarg : NULL, ctx))
      return -1;
  }
  return optind;
}

/* ---- completions --------------------------------------------------------- */

/* the words of an option in a shell's list: "-f --format" */
static void spellings(const struct cli_option *o, FILE *f, int with_eq) {
  if (o->alias)
    fprintf(f, "%s ", o->alias);
  else if (o->short_name)
    fprintf(f, "-%c ", o->short_name);
  fprintf(f, "--%s%s", o->name, with_eq && o->arg ? "=" : "");
}

static void bash(FILE *f) {
  const struct cli_command *c;
  const struct cli_option *o;
  fputs("# bash completion for ajar; generated by `ajar completion bash` from\n"
        "# the option tables (src/cli). Do not edit.\n"
        "_ajar() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
        "    COMPREPLY=($(compgen -W \"", f);
  for (c = cli_commands; c->name; c++)
    fprintf(f, "%s ", c->name);
  fputs("--help --version\" -- \"$cur\"))\n"
        "    return\n"
        "  fi\n"
        "  case \"${COMP_WORDS[1]}\" in\n", f);
  for (c = cli_commands; c->name; c++) {
    fprintf(f, "  %s)\n    case \"$prev\" in\n", c->name);
    for (o = c->options; o->id; o++) {
      if (!o->arg)
        continue;
      fputs("      ", f);
      if (o->alias)
        fprintf(f, "%s|", o->alias);
      else if (o->short_name)
        fprintf(f, "-%c|", o->short_name);
      fprintf(f, "--%s)", o->name);
      if (o->values && o->values[0] == '@')
        fputs(" COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n", f);
      else if (o->values)
        fprintf(f, " COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return;;\n",
                o->values);
      else
        fputs(" return;;\n", f);
    }
    fputs("    esac\n    case \"$cur\" in\n      -*) COMPREPLY=($(compgen -W \"", f);
    for (o = c->options; o->id; o++) {
      spellings(o, f, 0);
      fputc(' ', f);
    }
    fputs("\" -- \"$cur\")); return;;\n    esac\n", f);
    if (!strcmp(c->operand_kind, "file"))
      fputs("    COMPREPLY=($(compgen -f -- \"$cur\"));;\n", f);
    else if (!strcmp(c->operand_kind, "host"))
      fputs("    COMPREPLY=($(compgen -A hostname -- \"$cur\"));;\n", f);
    else
      fputs("    ;;\n", f);
  }
  fputs("  esac\n"
        "}\n"
        "complete -o default -F _ajar ajar\n", f);
}

/* text for zsh's [description]: the first help line, without []:' */
static void zsh_desc(const char *s, FILE *f) {
  for (; *s && *s != '\n'; s++)
    if (!strchr("[]:'\\", *s))
      fputc(*s, f);
}

static void zsh(FILE *f) {
  const struct cli_command *c;
  const struct cli_option *o;
  fputs("#compdef ajar\n"
        "# zsh completion for ajar; generated by `ajar completion zsh` from the\n"
        "# option tables (src/cli). Do not edit.\n"
        "_ajar() {\n"
        "  local -a commands\n"
        "  commands=(\n", f);
  for (c = cli_commands; c->name; c++) {
    fprintf(f, "    '%s:", c->name);
    zsh_desc(c->summary, f);
    fputs("'\n", f);
  }
  fputs("  )\n"
        "  if (( CURRENT == 2 )); then\n"
        "    _describe -t commands 'ajar command' commands\n"
        "    return\n"
        "  fi\n"
        "  local cmd=$words[2]\n"
        "  shift words\n"
        "  (( CURRENT-- ))\n"
        "  case $cmd in\n", f);
  for (c = cli_commands; c->name; c++) {
    fprintf(f, "    %s)\n      _arguments -s -S \\\n", c->name);
    for (o = c->options; o->id; o++) {
      const char *names[3] = {NULL, NULL, NULL};
      char alias[16], shortn[4], longn[48];
      int j;
      if (o->alias) {
        snprintf(alias, sizeof alias, "%s", o->alias);
        names[0] = alias;
      } else if (o->short_name) {
        snprintf(shortn, sizeof shortn, "-%c", o->short_name);
        names[0] = shortn;
      }
      snprintf(longn, sizeof longn, "--%s", o->name);
      names[1] = longn;
      for (j = 0; j < 2; j++) {
        if (!names[j])
          continue;
        fprintf(f, "        '%s%s[", names[j],
                !o->arg ? "" : j == 1 ? "=" : o->alias ? "" : "+");
        zsh_desc(o->help, f);
        fputc(']', f);
        if (o->arg) {
          fprintf(f, ":%s:", o->arg);
          if (o->values && o->values[0] == '@')
            fputs("_files", f);
          else if (o->values)
            fprintf(f, "(%s)", o->values);
          else
            fputs(" ", f);
        }
        fputs("' \\\n", f);
      }
    }
    if (!strcmp(c->operand_kind, "file"))
      fputs("        '*:file:_files'\n", f);
    else if (!strcmp(c->operand_kind, "host"))
      fputs("        '*:target:_hosts'\n", f);
    else
      fputs("        '*:: :'\n", f);
    fputs("      ;;\n", f);
  }
  fputs("  esac\n"
        "}\n"
        "_ajar \"$@\"\n", f);
}

int cli_completion(const char *shell, FILE *f) {
  if (shell && !strcmp(shell, "bash"))
    bash(f);
  else if (shell && !strcmp(shell, "zsh"))
    zsh(f);
  else
    return -1;
  return 0;
}
