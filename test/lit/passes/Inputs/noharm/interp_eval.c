/* A tiny stack-machine interpreter, the evaluator half: the main half calls it across modules. */
#include <stdio.h>

enum Op { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT };
struct Insn {
  enum Op op;
  long arg;
};

static long stack[64];
static int sp;

static void push(long v) { stack[sp++] = v; }
static long pop(void) { return stack[--sp]; }

long run_program(const struct Insn *code, int max_steps) {
  int pc = 0, steps = 0;
  sp = 0;
  while (steps++ < max_steps) {
    const struct Insn *in = &code[pc++];
    long a, b;
    switch (in->op) {
    case PUSH: push(in->arg); break;
    case ADD: b = pop(); a = pop(); push(a + b); break;
    case SUB: b = pop(); a = pop(); push(a - b); break;
    case MUL: b = pop(); a = pop(); push(a * b); break;
    case DUP: a = pop(); push(a); push(a); break;
    case SWAP: b = pop(); a = pop(); push(b); push(a); break;
    case DEC: push(pop() - 1); break;
    case JNZ: if (stack[sp - 1] != 0) pc = (int)in->arg; break;
    case PRINT: printf("%ld\n", stack[sp - 1]); break;
    case HALT: return sp ? stack[sp - 1] : 0;
    }
  }
  return -1;
}
