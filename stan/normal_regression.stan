// Simple normal linear regression: y[i] ~ normal(alpha + beta * x[i], sigma), prior scales as data.
// Data:   exam_schools (data/exam_schools.csv; Goldstein et al. 1993): normexam on standLRT,
//         a random 400 of the 4,059 pupils
// Priors: alpha ~ normal(0, alpha_scale); beta ~ normal(0, beta_scale);
//         sigma ~ half-normal(0, sigma_scale). All data: alpha_scale = 1, beta_scale = 1,
//         sigma_scale = 1 in the fit; all three 0.5, 1 and 10 in the prior predictive runs.
// Pages:  chapters/01-bayes-basics/first-regression.md
// PyMC:   chapters/01-bayes-basics/first-regression.md, `regression` (its prior scales
//         come from the notebook's PRIORS dict, which Stan's data use too; exercise
//         reg-ex-wide-posterior refits it with 10s as `regression_wide`)
//
// Simple normal linear regression: y[i] ~ normal(alpha + beta * x[i], sigma).
//
// The prior scales come in as data, so the same program draws from the prior predictive
// distribution (prior_only = 1) under priors of different widths, and fits the data.
data {
  int<lower=1> N;                     // observations
  vector[N] x;                        // predictor
  vector[N] y;                        // outcome
  real<lower=0> alpha_scale;          // prior sd of the intercept
  real<lower=0> beta_scale;           // prior sd of the slope
  real<lower=0> sigma_scale;          // half-normal scale of the residual sd
  int<lower=0, upper=1> prior_only;   // 1: ignore the likelihood
}
parameters {
  real alpha;                         // expected y when x = 0
  real beta;                          // change in expected y per unit of x
  real<lower=0> sigma;                // residual sd
}
model {
  alpha ~ normal(0, alpha_scale);
  beta ~ normal(0, beta_scale);
  sigma ~ normal(0, sigma_scale);     // half-normal: sigma is constrained positive
  if (!prior_only) {
    y ~ normal(alpha + beta * x, sigma);
  }
}
generated quantities {
  vector[N] log_lik;                  // pointwise log-likelihood, for cross-validation
  array[N] real y_rep;                // a replicated data set, for predictive checks
  for (i in 1:N) {
    log_lik[i] = normal_lpdf(y[i] | alpha + beta * x[i], sigma);
  }
  y_rep = normal_rng(alpha + beta * x, sigma);
}
