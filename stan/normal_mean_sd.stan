// Normal mean and sd, semi-conjugate priors: y[i] ~ normal(mu, sigma); NUTS vs hand samplers.
// Data:   dyestuff (data/dyestuff.csv; Davies & Goldsmith 1972): 30 Yield values, no batches
// Priors: mu ~ normal(mu0, tau0); sigma^2 ~ inv_gamma(a0, b0), with the Jacobian to sigma.
//         All data, the notebook's MU0, TAU0, A0, B0: mu0 = 1500, tau0 = 100, a0 = 2, b0 = 5000.
// Pages:  chapters/03-multilevel-regression/mcmc.md
// PyMC:   chapters/03-multilevel-regression/mcmc.md, `mcmc-ex-pymc` (exercise solution:
//         an unnamed pm.Model reading MU0, TAU0, A0, B0; result idata_pymc)
//
// Normal model for one sample with unknown mean and sd, with semi-conjugate priors:
//   y[i] ~ normal(mu, sigma),  mu ~ normal(mu0, tau0),  sigma^2 ~ inv_gamma(a0, b0).
// The MCMC notebook samples the same posterior with hand-written Metropolis, Gibbs and
// Hamiltonian samplers and compares them with Stan's NUTS.
data {
  int<lower=1> N;
  vector[N] y;
  real mu0;
  real<lower=0> tau0;
  real<lower=0> a0;
  real<lower=0> b0;
}
parameters {
  real mu;
  real<lower=0> sigma;
}
model {
  mu ~ normal(mu0, tau0);
  target += inv_gamma_lpdf(square(sigma) | a0, b0) + log(2 * sigma);  // prior on sigma^2, Jacobian to sigma
  y ~ normal(mu, sigma);
}
