/* A tokenizer for arithmetic expressions: numbers, identifiers, operators, parentheses. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum Kind { NUM, IDENT, OP, LPAREN, RPAREN, END, BAD };
struct Token {
  enum Kind kind;
  long value;
  char text[32];
};

static int is_digit_char(char c) { return c >= '0' && c <= '9'; }
static int is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || is_digit_char(c);
}

static const char *skip_space(const char *p) {
  while (*p == ' ' || *p == '\t' || *p == '\n')
    ++p;
  return p;
}

const char *next_token(const char *p, struct Token *t) {
  p = skip_space(p);
  t->text[0] = 0;
  t->value = 0;
  if (!*p) {
    t->kind = END;
    return p;
  }
  if (is_digit_char(*p)) {
    t->kind = NUM;
    while (is_digit_char(*p))
      t->value = t->value * 10 + (*p++ - '0');
    return p;
  }
  if (is_ident_char(*p)) {
    size_t n = 0;
    t->kind = IDENT;
    while (is_ident_char(*p) && n + 1 < sizeof t->text)
      t->text[n++] = *p++;
    t->text[n] = 0;
    return p;
  }
  t->text[0] = *p;
  t->text[1] = 0;
  t->kind = strchr("+-*/%", *p) ? OP : *p == '(' ? LPAREN : *p == ')' ? RPAREN : BAD;
  return p + 1;
}

static const char *kind_name(enum Kind k) {
  static const char *names[] = {"NUM", "IDENT", "OP", "LPAREN", "RPAREN", "END", "BAD"};
  return names[k];
}

int main(void) {
  const char *inputs[] = {"12 + foo*(3 - bar_2)", "x % 7 / y9", "1 $ 2"};
  for (int i = 0; i < 3; ++i) {
    const char *p = inputs[i];
    struct Token t;
    int count = 0;
    do {
      p = next_token(p, &t);
      if (t.kind == NUM)
        printf("%s(%ld) ", kind_name(t.kind), t.value);
      else
        printf("%s(%s) ", kind_name(t.kind), t.text);
      ++count;
    } while (t.kind != END);
    printf("[%d tokens]\n", count);
  }
  static const char done[] = "done\n";
  write(1, done, sizeof done - 1);
  return 0;
}
