// Normal mean and sd, semi-conjugate priors: y[i] ~ normal(mu, sigma); NUTS vs hand samplers.
// Data:   dyestuff (data/dyestuff.csv; Davies & Goldsmith 1972): 30 Yield values, no batches
// Priors: mu ~ normal(mu_loc, mu_scale); sigma^2 ~ inv_gamma(sigma2_shape, sigma2_scale), with
//         the Jacobian to sigma. All data, from the notebook's dict PRIOR: mu_loc = 1500,
//         mu_scale = 100, sigma2_shape = 2, sigma2_scale = 5000.
// Pages:  chapters/03-multilevel-regression/mcmc.md
// PyMC:   chapters/03-multilevel-regression/mcmc.md, `mcmc-ex-pymc` (exercise solution:
//         an unnamed pm.Model reading the dict PRIOR; result idata_pymc)
//
// Normal model for one sample with unknown mean and sd, with semi-conjugate priors:
//   y[i] ~ normal(mu, sigma),  mu ~ normal(mu_loc, mu_scale),
//   sigma^2 ~ inv_gamma(sigma2_shape, sigma2_scale).
// The MCMC notebook samples the same posterior with hand-written Metropolis, Gibbs and
// Hamiltonian samplers and compares them with Stan's NUTS.
data {
  int<lower=1> N;
  vector[N] y;
  real mu_loc;
  real<lower=0> mu_scale;
  real<lower=0> sigma2_shape;
  real<lower=0> sigma2_scale;
}
parameters {
  real mu;
  real<lower=0> sigma;
}
model {
  mu ~ normal(mu_loc, mu_scale);
  // prior on sigma^2, and the Jacobian of sigma -> sigma^2
  target += inv_gamma_lpdf(square(sigma) | sigma2_shape, sigma2_scale) + log(2 * sigma);
  y ~ normal(mu, sigma);
}
