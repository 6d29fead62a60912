/*
 * The limit of the peer comparison: OpenBLAS dgemm on exactly the matrix products of one
 * evaluation of a network (float64, the threads OpenBLAS is given, 1 by default):
 * per layer l, forward Z = [1 A] Θᵀ (m × s_(l+1), k = s_l + 1), the gradient Δ = δᵀ [1 A]
 * (s_(l+1) × (s_l + 1), k = m), and for l > 1 backward δ W (m × s_l, k = s_(l+1)).
 * Compiled at bench time by bench/peers.ts: cc -O2 openblas-limit.c -lopenblas.
 * Usage: openblas-limit ROUNDS s1 s2 … sL m  → prints {"medianMs": …, "core": …}.
 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

char *openblas_get_corename(void);

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 5) return 2;
  int rounds = atoi(argv[1]);
  int L = argc - 3, m = atoi(argv[argc - 1]);
  int *s = malloc(sizeof(int) * L);
  for (int l = 0; l < L; l++) s[l] = atoi(argv[2 + l]);
  double **A = malloc(sizeof(double *) * L), **D = malloc(sizeof(double *) * L);
  double **T = malloc(sizeof(double *) * L), **G = malloc(sizeof(double *) * L);
  for (int l = 0; l < L; l++) {
    size_t n = (size_t)m * (s[l] + 1);
    A[l] = malloc(sizeof(double) * n);
    D[l] = malloc(sizeof(double) * n);
    for (size_t i = 0; i < n; i++) { A[l][i] = (double)(i % 97) / 97.0; D[l][i] = (double)(i % 89) / 89.0 - 0.5; }
    if (l + 1 < L) {
      size_t t = (size_t)s[l + 1] * (s[l] + 1);
      T[l] = malloc(sizeof(double) * t);
      G[l] = malloc(sizeof(double) * t);
      for (size_t i = 0; i < t; i++) T[l][i] = (double)(i % 83) / 83.0 * 0.24 - 0.12;
    }
  }
  double *times = malloc(sizeof(double) * rounds);
  int reps = 1;
  for (int r = -1; r < rounds; r++) {
    double t0 = now_ms();
    for (int k = 0; k < reps; k++) {
      for (int l = 0; l + 1 < L; l++) /* Z^(l+1) = [1 A^(l)] Θᵀ, written into A^(l+1) (m × s_(l+1), ld s_(l+1) + 1) */
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, s[l + 1], s[l] + 1, 1.0, A[l], s[l] + 1, T[l], s[l] + 1, 0.0, A[l + 1], s[l + 1] + 1);
      for (int l = L - 2; l >= 0; l--) {
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, s[l + 1], s[l] + 1, m, 1.0, D[l + 1], s[l + 1], A[l], s[l] + 1, 0.0, G[l], s[l] + 1);
        if (l > 0)
          cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, s[l], s[l + 1], 1.0, D[l + 1], s[l + 1], T[l] + 1, s[l] + 1, 0.0, D[l], s[l]);
      }
    }
    double dt = now_ms() - t0;
    if (r < 0) { /* calibrate: about 50 ms per round */
      reps = dt > 0 ? (int)(50.0 / (dt)) + 1 : 1000;
      if (reps > 1000000) reps = 1000000;
      continue;
    }
    times[r] = dt / reps;
  }
  qsort(times, rounds, sizeof(double), cmp);
  printf("{\"medianMs\": %.6g, \"core\": \"%s\"}\n", times[rounds / 2], openblas_get_corename());
  return 0;
}
