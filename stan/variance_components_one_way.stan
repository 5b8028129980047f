// One-way variance components: y[i] ~ normal(mu + b[batch[i]], sigma); every block of Stan.
// Data:   dyestuff (data/dyestuff.csv; Davies & Goldsmith 1972): Yield by Batch;
//         pastes (data/pastes.csv; Davies & Goldsmith 1972) in exercise crossed-ex-ignore-casks
// Priors: alpha_std ~ normal(0, alpha_scale); tau_std ~ half-normal(0, tau_scale);
//         sigma_std ~ half-normal(0, sigma_scale); b_std ~ normal(0, tau_std); all on the
//         standardised outcome. All data, from the notebooks' dict PRIOR_STD:
//         alpha_scale = 1, tau_scale = 1, sigma_scale = 1.
// Pages:  chapters/03-multilevel-regression/stan-language.md,
//         chapters/03-multilevel-regression/crossed-nested.md
// PyMC:   chapters/03-multilevel-regression/stan-language.md, `idata_pymc` (an unnamed pm.Model
//         under "The same model in PyMC"; reads the dict PRIOR_STD)
//
// One-way random effects (a variance-components model) for the Dyestuff data, written
// to show every block of a Stan program:
//
//   y[i] ~ normal(mu + b[batch[i]], sigma),   b[j] ~ normal(0, tau)
//
// The sampler works on the standardised outcome (transformed data), so the unit-scale
// priors below are weakly informative whatever the units of y; the names ending in _std
// are on that scale. The generated quantities return everything on the original scale
// (mu, tau, sigma, batch_mean).
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
  real<lower=0> alpha_scale;               // prior scales, on the standardised outcome
  real<lower=0> tau_scale;
  real<lower=0> sigma_scale;
  int<lower=0, upper=1> prior_only;        // 1: ignore the likelihood (prior predictive)
}
transformed data {
  real y_mean = mean(y);
  real y_sd = sd(y);
  vector[N] y_std = (y - y_mean) / y_sd;
}
parameters {
  real alpha_std;                          // overall mean, standardised
  real<lower=0> tau_std;                   // between-batch sd, standardised
  real<lower=0> sigma_std;                 // within-batch sd, standardised
  // batch effects, non-centred by the multiplier: the sampler moves b_std / tau_std (the
  // z of a non-centring written by hand) and Stan multiplies it back by tau_std
  vector<multiplier=tau_std>[J] b_std;
}
transformed parameters {
  vector[J] batch_mean_std = alpha_std + b_std;  // each batch's mean, standardised
}
model {
  alpha_std ~ normal(0, alpha_scale);
  tau_std ~ normal(0, tau_scale);          // half-normal: the constraint truncates it at 0
  sigma_std ~ normal(0, sigma_scale);
  b_std ~ normal(0, tau_std);
  if (!prior_only) {
    y_std ~ normal(batch_mean_std[batch], sigma_std);
  }
}
generated quantities {
  real mu = y_mean + y_sd * alpha_std;
  real tau = y_sd * tau_std;
  real sigma = y_sd * sigma_std;
  real icc = intraclass_correlation(tau_std, sigma_std);
  vector[J] batch_mean = y_mean + y_sd * batch_mean_std;
  vector[N] log_lik;                       // pointwise log-likelihood, for PSIS-LOO
  array[N] real y_rep;                     // replicated data, for predictive checks
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | batch_mean[batch[i]], sigma);
  }
  y_rep = normal_rng(batch_mean[batch], sigma);
}
