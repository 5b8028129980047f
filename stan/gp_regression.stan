// Title: Gaussian-process regression, exact or by its Hilbert-space approximation
// Data:   mcycle (data/mcycle.csv; Silverman 1985): head acceleration against time
// Priors: ell ~ inv_gamma(ell_shape, ell_scale); eta ~ half-normal(0, eta_scale);
//         sigma ~ half-normal(0, sigma_scale); approximation only: z ~ normal(0, 1).
//         All data. splines-gp.md (dict GP_PRIORS): ell_shape = 1.84, ell_scale = 0.484
//         (solved so that 1 % of the prior lies below 1 ms and 1 % above the data's
//         range, standardised), eta_scale = 1, sigma_scale = 1.
// Pages:  chapters/04-glmm/splines-gp.md
// PyMC:   chapters/04-glmm/splines-gp.md, `hsgp_pymc` (the approximation, by
//         pm.gp.HSGP; reads the dict GP_PRIORS)
//
// y[i] = f(x[i]) + noise, f ~ GP(0, k), k(x, x') = eta^2 exp(-(x - x')^2 / (2 ell^2)),
// noise ~ normal(0, sigma), on standardised x and y.
// approx = 0: the exact GP with f integrated out, y ~ multi_normal(0, K + sigma^2 I)
// through the Cholesky factor of K + sigma^2 I; f at the grid points is drawn from its
// conditional normal given y in generated quantities.
// approx = 1: the Hilbert-space approximation (Solin & Sarkka 2020; Riutort-Mayol et
// al. 2023): f(x) = sum_j sqrt(S(omega_j)) phi_j(x) z_j, z_j ~ normal(0, 1), with the M
// sine eigenfunctions phi_j of the Laplacian on [-L, L] around the midpoint of x,
// L = c times half the range of x, and S the squared exponential's spectral density.
functions {
  // the M Dirichlet eigenfunctions on [-L, L] at centred inputs xc (N x M)
  matrix hs_basis(vector xc, real L, int M) {
    matrix[rows(xc), M] phi;
    for (j in 1:M) {
      phi[:, j] = sin(j * pi() / (2 * L) * (xc + L)) / sqrt(L);
    }
    return phi;
  }
  // square roots of the squared exponential's spectral density at omega_j = j pi / 2L
  vector hs_sqrt_spd(real eta, real ell, real L, int M) {
    vector[M] omega = linspaced_vector(M, 1, M) * pi() / (2 * L);
    return eta * sqrt(sqrt(2 * pi()) * ell) * exp(-0.25 * square(ell * omega));
  }
}
data {
  int<lower=1> N;
  vector[N] x;
  vector[N] y;
  int<lower=1> G;                          // grid points for the posterior of f
  vector[G] x_grid;
  int<lower=0, upper=1> approx;            // 0 exact, 1 Hilbert-space approximation
  int<lower=1> M;                          // basis functions (approx = 1)
  real<lower=1> c;                         // boundary factor (approx = 1)
  real<lower=0> ell_shape;
  real<lower=0> ell_scale;
  real<lower=0> eta_scale;
  real<lower=0> sigma_scale;
}
transformed data {
  real centre = (max(x) + min(x)) / 2;
  real L = c * (max(x) - min(x)) / 2;
  matrix[N, approx ? M : 0] phi;
  matrix[G, approx ? M : 0] phi_grid;
  if (approx) {
    phi = hs_basis(x - centre, L, M);
    phi_grid = hs_basis(x_grid - centre, L, M);
  }
}
parameters {
  real<lower=0> ell;                       // length-scale
  real<lower=0> eta;                       // marginal sd of f
  real<lower=0> sigma;
  vector[approx ? M : 0] z;                // standardised basis coefficients
}
model {
  ell ~ inv_gamma(ell_shape, ell_scale);
  eta ~ normal(0, eta_scale);
  sigma ~ normal(0, sigma_scale);
  if (approx) {
    z ~ std_normal();
    y ~ normal(phi * (hs_sqrt_spd(eta, ell, L, M) .* z), sigma);
  } else {
    matrix[N, N] K = add_diag(gp_exp_quad_cov(to_array_1d(x), eta, ell), square(sigma));
    y ~ multi_normal_cholesky(rep_vector(0, N), cholesky_decompose(K));
  }
}
generated quantities {
  vector[G] f_grid;
  if (approx) {
    f_grid = phi_grid * (hs_sqrt_spd(eta, ell, L, M) .* z);
  } else {
    array[N] real xs = to_array_1d(x);
    array[G] real gs = to_array_1d(x_grid);
    matrix[N, N] L_K = cholesky_decompose(
      add_diag(gp_exp_quad_cov(xs, eta, ell), square(sigma)));
    matrix[N, G] v = mdivide_left_tri_low(L_K, gp_exp_quad_cov(xs, gs, eta, ell));
    vector[G] mean_grid = v' * mdivide_left_tri_low(L_K, y);
    matrix[G, G] cov_grid = gp_exp_quad_cov(gs, eta, ell) - crossprod(v);
    f_grid = multi_normal_cholesky_rng(mean_grid,
                                       cholesky_decompose(add_diag(cov_grid, 1e-8)));
  }
}
