/* A chained hash table from strings to longs: insert, lookup, delete, resize. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Entry {
  char *key;
  long value;
  struct Entry *next;
};
struct Table {
  struct Entry **buckets;
  unsigned long nbuckets, count;
};

static unsigned long hash_str(const char *s) {
  unsigned long h = 1469598103934665603UL;
  while (*s)
    h = (h ^ (unsigned char)*s++) * 1099511628211UL;
  return h;
}

struct Table *table_new(unsigned long n) {
  struct Table *t = malloc(sizeof *t);
  t->buckets = calloc(n, sizeof *t->buckets);
  t->nbuckets = n;
  t->count = 0;
  return t;
}

static void table_resize(struct Table *t) {
  unsigned long n = t->nbuckets * 2;
  struct Entry **b = calloc(n, sizeof *b);
  for (unsigned long i = 0; i < t->nbuckets; ++i)
    for (struct Entry *e = t->buckets[i], *next; e; e = next) {
      next = e->next;
      unsigned long j = hash_str(e->key) % n;
      e->next = b[j];
      b[j] = e;
    }
  free(t->buckets);
  t->buckets = b;
  t->nbuckets = n;
}

void table_put(struct Table *t, const char *key, long value) {
  unsigned long i = hash_str(key) % t->nbuckets;
  for (struct Entry *e = t->buckets[i]; e; e = e->next)
    if (strcmp(e->key, key) == 0) {
      e->value = value;
      return;
    }
  struct Entry *e = malloc(sizeof *e);
  e->key = strdup(key);
  e->value = value;
  e->next = t->buckets[i];
  t->buckets[i] = e;
  if (++t->count > t->nbuckets * 2)
    table_resize(t);
}

int table_get(struct Table *t, const char *key, long *out) {
  for (struct Entry *e = t->buckets[hash_str(key) % t->nbuckets]; e; e = e->next)
    if (strcmp(e->key, key) == 0) {
      *out = e->value;
      return 1;
    }
  return 0;
}

int table_del(struct Table *t, const char *key) {
  struct Entry **link = &t->buckets[hash_str(key) % t->nbuckets];
  for (struct Entry *e = *link; e; link = &e->next, e = e->next)
    if (strcmp(e->key, key) == 0) {
      *link = e->next;
      free(e->key);
      free(e);
      --t->count;
      return 1;
    }
  return 0;
}

int main(void) {
  struct Table *t = table_new(2);
  char key[16];
  for (long i = 0; i < 50; ++i) {
    snprintf(key, sizeof key, "k%ld", i);
    table_put(t, key, i * i);
  }
  for (long i = 0; i < 50; i += 10)
    table_del(t, (snprintf(key, sizeof key, "k%ld", i), key));
  long sum = 0, v;
  for (long i = 0; i < 60; ++i) {
    snprintf(key, sizeof key, "k%ld", i);
    if (table_get(t, key, &v))
      sum += v;
  }
  printf("count=%lu buckets=%lu sum=%ld\n", t->count, t->nbuckets, sum);
  return 0;
}
