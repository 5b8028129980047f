// Random-effects meta-analysis: study effects pooled, non-centred by a multiplier, known se[j].
// Data:   raudenbush1985 (data/raudenbush1985.csv; Raudenbush 1984): y = yi, se = sqrt(vi)
// Priors: mu ~ normal(0, mu_scale); tau ~ half-normal(0, tau_scale); u ~ normal(0, tau).
//         mu_scale and tau_scale are data (the notebook's PRIORS dict): mu_scale = 1,
//         tau_scale = 0.5 in the main fit; tau_scale = 0.1, 0.5 and 2 in exercise
//         meta-ex-tau-prior.
// Pages:  chapters/02-hierarchical/meta-analysis.md
// PyMC:   chapters/02-hierarchical/meta-analysis.md, `meta_bambi` (a bambi formula, sampled
//         through PyMC, no pm.Model written out; its priors are built from the same PRIORS dict)
//
// Random-effects meta-analysis: study j reports an effect estimate y[j] with known
// standard error se[j]; the true effects theta[j] = mu + u[j] vary around mu with sd tau.
// The deviations u are declared with multiplier=tau, so Stan samples the standardised
// effects z[j] = u[j] / tau (non-centred); z is reported in generated quantities.
data {
  int<lower=1> J;
  vector[J] y;
  vector<lower=0>[J] se;
  real<lower=0> mu_scale;                // prior sd of the average effect
  real<lower=0> tau_scale;               // half-normal scale of the between-study sd
}
parameters {
  real mu;
  real<lower=0> tau;
  vector<multiplier=tau>[J] u;           // each study's deviation from mu
}
transformed parameters {
  vector[J] theta = mu + u;              // each study's true effect
}
model {
  mu ~ normal(0, mu_scale);
  tau ~ normal(0, tau_scale);
  u ~ normal(0, tau);
  y ~ normal(theta, se);
}
generated quantities {
  vector[J] z = u / tau;                 // standardised effects: the sampler's coordinates
  real theta_new = normal_rng(mu, tau);  // the true effect of a new study
}
