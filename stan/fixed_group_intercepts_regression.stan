// Fixed group intercepts with predictors (the "fixed-effects" model): no pooling between groups.
// Data:   hsb82_mathach (data/hsb82_mathach.csv; Raudenbush & Bryk 2002): mAch on ses, 160 schools
// Priors: a ~ normal(alpha_loc, alpha_scale); beta ~ normal(0, beta_scale);
//         sigma ~ half-normal(0, sigma_scale). All data, from the notebook's dict PRIOR:
//         alpha_loc = 12.5, alpha_scale = 10, beta_scale = 10 for each slope, sigma_scale = 10.
// Pages:  chapters/03-multilevel-regression/schools.md
// PyMC:   none (Stan only: model 2 is set against least squares with school dummies,
//         statsmodels' ols_fixed; the page's PyMC model is the within-between model 4)
//
// Fixed group intercepts with population-level predictors (the "fixed-effects" model):
//
//   y[i] ~ normal(a[group[i]] + X[i] * beta, sigma),   a[j] ~ normal(alpha_loc, alpha_scale)
//
// The same likelihood as varying_intercepts_regression.stan, but each group's intercept
// has its own fixed, wide prior: nothing is learned about how intercepts vary, so no
// information passes between groups (no pooling). Prior values come in as data.
data {
  int<lower=1> N;
  int<lower=1> J;
  int<lower=0> K;
  array[N] int<lower=1, upper=J> group;
  matrix[N, K] X;
  vector[N] y;
  real alpha_loc;
  real<lower=0> alpha_scale;
  vector<lower=0>[K] beta_scale;
  real<lower=0> sigma_scale;
}
parameters {
  vector[J] a;
  vector[K] beta;
  real<lower=0> sigma;
}
model {
  a ~ normal(alpha_loc, alpha_scale);
  beta ~ normal(0, beta_scale);
  sigma ~ normal(0, sigma_scale);
  y ~ normal_id_glm(X, a[group], beta, sigma);
}
