// Radon, varying intercepts and floor slopes: county intercepts on log uranium, LKJ, non-centred.
// Data:   radon_mn (data/radon_mn.csv; Gelman & Hill 2007): log_radon, floor, county log_uranium
// Priors: g0, g1, d0 ~ normal(0, 2); tau ~ half-normal(0, 1); L_Omega ~ lkj_corr_cholesky(2);
//         z ~ normal(0, 1); sigma ~ half-normal(0, 1). Hard-coded here.
// Pages:  chapters/03-multilevel-regression/radon.md
// PyMC:   chapters/03-multilevel-regression/radon.md, `radon_pymc` (repeats the priors by hand)
//
// Radon in Minnesota homes (Gelman & Hill 2007, ch. 12-13): log radon with a varying
// intercept by county that depends on the county's log soil uranium, and a varying
// slope for the floor of measurement, correlated (LKJ prior on the Cholesky factor),
// written non-centred.
//   y[i] ~ normal(a[c] + b[c] * floor[i], sigma)
//   a[c] = g0 + g1 * uranium[c] + u[c, 1],  b[c] = d0 + u[c, 2]
//   u[c] ~ multi_normal(0, diag(tau) * Omega * diag(tau))
data {
  int<lower=1> N;
  int<lower=1> J;                          // counties
  array[N] int<lower=1, upper=J> county;
  vector[N] floor_;                        // 0 basement, 1 first floor
  vector[N] y;                             // log radon
  vector[J] uranium;                       // county log uranium
}
parameters {
  real g0;                                 // intercept at log uranium 0
  real g1;                                 // change in county intercept per unit log uranium
  real d0;                                 // average floor effect
  vector<lower=0>[2] tau;                  // between-county sds of intercepts and floor slopes
  cholesky_factor_corr[2] L_Omega;
  matrix[2, J] z;
  real<lower=0> sigma;
}
transformed parameters {
  matrix[J, 2] u = (diag_pre_multiply(tau, L_Omega) * z)';
  vector[J] a = g0 + g1 * uranium + u[, 1];
  vector[J] b = d0 + u[, 2];
}
model {
  g0 ~ normal(0, 2);
  g1 ~ normal(0, 2);
  d0 ~ normal(0, 2);
  tau ~ normal(0, 1);
  L_Omega ~ lkj_corr_cholesky(2);
  to_vector(z) ~ std_normal();
  sigma ~ normal(0, 1);
  y ~ normal(a[county] + b[county] .* floor_, sigma);
}
generated quantities {
  real rho = multiply_lower_tri_self_transpose(L_Omega)[1, 2];
  vector[N] log_lik;
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | a[county[i]] + b[county[i]] * floor_[i], sigma);
  }
}
