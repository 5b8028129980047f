// Eight schools, non-centred: theta[j] = mu + tau * eta[j], the same model without the funnel.
// Data:   eight_schools (data/eight_schools.csv; Rubin 1981): estimates y and standard errors sigma
// Priors: mu ~ normal(0, 20); tau ~ half-Cauchy(0, tau_scale); eta ~ normal(0, 1).
//         tau_scale is data: tau_scale = 5 in the main fit (fit_n); 1, 5 and 25 in the prior
//         sensitivity loop; 0.01 (complete pooling) in exercise schools-ex-loo.
// Pages:  chapters/02-hierarchical/eight-schools.md
// PyMC:   chapters/02-hierarchical/eight-schools.md, `schools_pymc` (repeats normal(0, 20) and
//         half-Cauchy(0, 5) by hand)
//
// Eight schools, non-centred parameterisation: theta[j] = mu + tau * eta[j] with
// eta[j] ~ normal(0, 1). The same model as the centred program; the sampler now explores
// eta, whose scale does not depend on tau, and the funnel is gone.
data {
  int<lower=1> J;
  vector[J] y;
  vector<lower=0>[J] sigma;
  real<lower=0> tau_scale;
}
parameters {
  real mu;
  real<lower=0> tau;
  vector[J] eta;
}
transformed parameters {
  vector[J] theta = mu + tau * eta;
}
model {
  mu ~ normal(0, 20);
  tau ~ cauchy(0, tau_scale);
  eta ~ std_normal();
  y ~ normal(theta, sigma);
}
generated quantities {
  vector[J] log_lik;
  for (j in 1:J) {
    log_lik[j] = normal_lpdf(y[j] | theta[j], sigma[j]);
  }
}
