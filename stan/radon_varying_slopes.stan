// Radon, varying intercepts and floor slopes: county intercepts on log uranium, LKJ, non-centred.
// Data:   radon_mn (data/radon_mn.csv; Gelman & Hill 2007): log_radon, floor, county log_uranium
// Priors: g0, g1, d0 ~ normal(0, coef_scale); tau ~ half-normal(0, tau_scale);
//         L_Omega ~ lkj_corr_cholesky(lkj_eta); z ~ normal(0, 1);
//         sigma ~ half-normal(0, sigma_scale). All data, from the PRIORS dict of radon.md:
//         coef_scale = 2, tau_scale = 1, sigma_scale = 1, lkj_eta = 2.
// Pages:  chapters/03-multilevel-regression/radon.md
// PyMC:   chapters/03-multilevel-regression/radon.md, `radon_pymc` (reads the same PRIORS)
//
// Radon in Minnesota homes (Gelman & Hill 2007, ch. 12-13): log radon with a varying
// intercept by county that depends on the county's log soil uranium, and a varying
// slope for the floor of measurement, correlated (LKJ prior on the Cholesky factor),
// written non-centred.
//   y[i] ~ normal(a[c] + b[c] * floor[i], sigma),  c = county[i]
//   a[c] = g0 + g1 * uranium[c] + u[c, 1],  b[c] = d0 + u[c, 2]
//   u[c] ~ multi_normal(0, diag(tau) * Omega * diag(tau)),  Omega ~ lkj_corr(lkj_eta)
// The county effects are written u = (diag(tau) * L_Omega * z)' with z standard normal.
// The priors' scales come in as data, so the PyMC model reads the same numbers.
data {
  int<lower=1> N;                          // homes
  int<lower=1> J;                          // counties
  array[N] int<lower=1, upper=J> county;
  vector[N] floor_;                        // 0 basement, 1 first floor
  vector[N] y;                             // log radon
  vector[J] uranium;                       // county log uranium
  real<lower=0> coef_scale;                // prior sd of g0, g1 and d0 (mean 0)
  real<lower=0> tau_scale;                 // half-normal scale of the between-county sds
  real<lower=0> sigma_scale;               // half-normal scale of the residual sd
  real<lower=0> lkj_eta;                   // LKJ shape of the intercept-slope correlation
}
parameters {
  real g0;                                 // intercept at log uranium 0
  real g1;                                 // change in county intercept per unit log uranium
  real d0;                                 // average floor effect
  vector<lower=0>[2] tau;                  // between-county sds of intercepts and floor slopes
  cholesky_factor_corr[2] L_Omega;         // Cholesky factor of their correlation matrix
  matrix[2, J] z;                          // standardised county effects
  real<lower=0> sigma;                     // residual sd
}
transformed parameters {
  matrix[J, 2] u = (diag_pre_multiply(tau, L_Omega) * z)';
  vector[J] a = g0 + g1 * uranium + u[, 1];
  vector[J] b = d0 + u[, 2];
}
model {
  g0 ~ normal(0, coef_scale);
  g1 ~ normal(0, coef_scale);
  d0 ~ normal(0, coef_scale);
  tau ~ normal(0, tau_scale);
  L_Omega ~ lkj_corr_cholesky(lkj_eta);
  to_vector(z) ~ std_normal();
  sigma ~ normal(0, sigma_scale);
  y ~ normal(a[county] + b[county] .* floor_, sigma);
}
generated quantities {
  real rho = multiply_lower_tri_self_transpose(L_Omega)[1, 2];   // intercept-slope correlation
  vector[N] log_lik;
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | a[county[i]] + b[county[i]] * floor_[i], sigma);
  }
}
