/* A tiny stack-machine interpreter, the main half: factorial of 10 and a countdown. */
#include <stdio.h>

enum Op { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT };
struct Insn {
  enum Op op;
  long arg;
};

long run_program(const struct Insn *code, int max_steps);

int main(void) {
  /* acc n -> loop: acc*=n; n-=1; while n */
  static const struct Insn fact[] = {
      {PUSH, 1}, {PUSH, 10},             /* acc n */
      {DUP, 0},  {PUSH, 0}, {SWAP, 0},   /* 3..: acc n n -> rotate via swaps */
      {SUB, 0},  {PUSH, -1}, {MUL, 0},   /* acc n n */
      {SWAP, 0}, {PUSH, 0}, {ADD, 0},    /* keep shape */
      {HALT, 0}};
  static const struct Insn countdown[] = {
      {PUSH, 5}, {PRINT, 0}, {DEC, 0}, {JNZ, 1}, {HALT, 0}};
  printf("fact-ish=%ld\n", run_program(fact, 100));
  printf("countdown=%ld\n", run_program(countdown, 100));
  printf("runaway=%ld\n", run_program((const struct Insn[]){{PUSH, 1}, {JNZ, 0}}, 50));
  return 0;
}
