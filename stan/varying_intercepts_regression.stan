// Varying intercepts with predictors: y[i] ~ normal(alpha + a[group[i]] + X[i] * beta, sigma).
// Data:   hsb82_mathach (data/hsb82_mathach.csv; Raudenbush & Bryk 2002): models 3 and 4 of
//         schools.md; sleepstudy (data/sleepstudy.csv; Belenky et al. 2003): day indicators
//         in repeated-measures.md, Days as the one slope in bayes-factors-fitted.md
// Priors: alpha ~ normal(alpha_loc, alpha_scale); beta ~ normal(0, beta_scale);
//         tau ~ half-normal(0, tau_scale); sigma ~ half-normal(0, sigma_scale);
//         a ~ normal(0, tau). All data. schools.md (dict PRIOR): alpha_loc = 12.5,
//         alpha_scale = 10, beta_scale = 10 for each slope, tau_scale = 5, sigma_scale = 10.
//         repeated-measures.md (dict RI_PRIOR): alpha_loc = 250, alpha_scale = 100,
//         beta_scale = 200 for each day, tau_scale = 50, sigma_scale = 50.
//         bayes-factors-fitted.md (from helpers/priors.py sleepstudy()): alpha_loc = 250,
//         alpha_scale = 50, beta_scale = 20, tau_scale = 50, sigma_scale = 50.
// Pages:  chapters/03-multilevel-regression/schools.md,
//         chapters/03-multilevel-regression/repeated-measures.md,
//         chapters/03-multilevel-regression/bayes-factors-fitted.md
// PyMC:   chapters/03-multilevel-regression/schools.md, `idata_pymc`
//         (unnamed pm.Model, within-between model 4, non-centred; reads the dict PRIOR);
//         chapters/03-multilevel-regression/repeated-measures.md, `idata_ri_pymc`
//         (unnamed pm.Model, driver means centred on alpha, as with noncentred = 0;
//         reads the dict RI_PRIOR)
//
// Varying intercepts with population-level predictors (a random-intercept regression):
//
//   y[i] ~ normal(alpha + a[group[i]] + X[i] * beta, sigma),   a[j] ~ normal(0, tau)
//
// One program for many designs: the columns of X decide what the slopes mean (students'
// socio-economic status raw or centred within schools; indicators of days in a
// repeated-measures design). A data flag chooses how the sampler sees the group effects,
// through their offset and multiplier; the model block is the same either way:
//   noncentred = 1   <multiplier=tau>: the sampler moves a / tau (the z of a non-centring
//                    written by hand, a = tau * z); suits groups the data say little about;
//   noncentred = 0   <offset=-alpha>: it moves the group means alpha + a (hierarchical
//                    centring); suits groups whose means the data pin down.
// Prior locations and scales come in as data so the PyMC twin can read the same numbers.
data {
  int<lower=1> N;
  int<lower=1> J;                          // groups
  int<lower=0> K;                          // predictors (columns of X)
  array[N] int<lower=1, upper=J> group;
  matrix[N, K] X;
  vector[N] y;
  real alpha_loc;
  real<lower=0> alpha_scale;
  vector<lower=0>[K] beta_scale;           // prior sd of each slope (prior mean 0)
  real<lower=0> tau_scale;                 // half-normal scale of the between-group sd
  real<lower=0> sigma_scale;               // half-normal scale of the residual sd
  int<lower=0, upper=1> noncentred;        // 1: non-centred group effects; 0: centred
  int<lower=0, upper=1> save_log_lik;      // 1: return the pointwise log-likelihood
}
parameters {
  real alpha;
  vector[K] beta;
  real<lower=0> tau;
  real<lower=0> sigma;
  vector<offset=(noncentred ? 0 : -alpha),
         multiplier=(noncentred ? tau : 1)>[J] a;  // group deviations from alpha
}
model {
  alpha ~ normal(alpha_loc, alpha_scale);
  beta ~ normal(0, beta_scale);
  tau ~ normal(0, tau_scale);
  sigma ~ normal(0, sigma_scale);
  a ~ normal(0, tau);
  y ~ normal_id_glm(X, alpha + a[group], beta, sigma);
}
generated quantities {
  // a size may depend on data: with save_log_lik = 0 the vector is empty and costs nothing
  vector[save_log_lik ? N : 0] log_lik;
  if (save_log_lik) {
    vector[N] mu = alpha + a[group] + X * beta;
    for (i in 1:N) {
      log_lik[i] = normal_lpdf(y[i] | mu[i], sigma);
    }
  }
}
