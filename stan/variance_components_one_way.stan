// One-way variance components: y[i] ~ normal(mu + b[batch[i]], sigma_y); every block of Stan.
// Data:   dyestuff (data/dyestuff.csv; Davies & Goldsmith 1972): Yield by Batch;
//         pastes (data/pastes.csv; Davies & Goldsmith 1972) in exercise crossed-ex-ignore-casks
// Priors: alpha ~ normal(0, 1); tau ~ half-normal(0, 1); sigma ~ half-normal(0, 1);
//         z ~ normal(0, 1); all on the standardised outcome. Hard-coded here.
// Pages:  chapters/03-multilevel-regression/stan-language.md,
//         chapters/03-multilevel-regression/crossed-nested.md
// PyMC:   chapters/03-multilevel-regression/stan-language.md, `idata_pymc` (an unnamed pm.Model
//         under "The same model in PyMC"; repeats the priors by hand)
//
// One-way random effects (a variance-components model) for the Dyestuff data, written
// to show every block of a Stan program:
//
//   y[i] ~ normal(mu + b[batch[i]], sigma_y),   b[j] ~ normal(0, sigma_batch)
//
// The sampler works on the standardised outcome (transformed data), so the unit-scale
// priors below are weakly informative whatever the units of y; the generated quantities
// return everything on the original scale.
functions {
  // Share of the variance of one observation that lies between batches.
  real intraclass_correlation(real sd_between, real sd_within) {
    return square(sd_between) / (square(sd_between) + square(sd_within));
  }
}
data {
  int<lower=1> N;                          // observations
  int<lower=1> J;                          // batches
  array[N] int<lower=1, upper=J> batch;    // batch of each observation
  vector[N] y;                             // outcome, original units
  int<lower=0, upper=1> prior_only;        // 1: ignore the likelihood (prior predictive)
}
transformed data {
  real y_mean = mean(y);
  real y_sd = sd(y);
  vector[N] y_std = (y - y_mean) / y_sd;
}
parameters {
  real alpha;                              // overall mean, standardised
  real<lower=0> tau;                       // between-batch sd, standardised
  real<lower=0> sigma;                     // within-batch sd, standardised
  vector[J] z;                             // batch effects in units of tau
}
transformed parameters {
  vector[J] b_std = tau * z;               // non-centred batch effects
}
model {
  alpha ~ normal(0, 1);
  tau ~ normal(0, 1);                      // half-normal: the constraint truncates it at 0
  sigma ~ normal(0, 1);
  z ~ std_normal();
  if (!prior_only) {
    y_std ~ normal(alpha + b_std[batch], sigma);
  }
}
generated quantities {
  real mu = y_mean + y_sd * alpha;
  real sigma_batch = y_sd * tau;
  real sigma_y = y_sd * sigma;
  real icc = intraclass_correlation(tau, sigma);
  vector[J] batch_mean = mu + y_sd * b_std;
  vector[N] log_lik;                       // pointwise log-likelihood, for PSIS-LOO
  array[N] real y_rep;                     // replicated data, for predictive checks
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | batch_mean[batch[i]], sigma_y);
  }
  y_rep = normal_rng(batch_mean[batch], sigma_y);
}
