// Eight schools, non-centred: deviations u = theta - mu declared with multiplier=tau, no funnel.
// Data:   eight_schools (data/eight_schools.csv; Rubin 1981): estimates y and standard errors sigma
// Priors: mu ~ normal(mu_loc, mu_scale); tau ~ half-Cauchy(0, tau_scale); u ~ normal(0, tau).
//         mu_loc, mu_scale and tau_scale are data (the notebook's PRIORS dict): mu_loc = 0,
//         mu_scale = 20, tau_scale = 5 in the main fit (fit_n); tau_scale = 1, 5 and 25 in the
//         prior sensitivity loop; mu_scale = 5 for posteriordb's reference (fit_pdb);
//         0.01 (complete pooling) and leave-one-school-out refits in exercise
//         schools-ex-loo.
// Pages:  chapters/02-hierarchical/eight-schools.md
// PyMC:   chapters/02-hierarchical/eight-schools.md, `schools_pymc` (reads the same PRIORS dict;
//         non-centred by hand, theta = mu + tau * z)
//
// Eight schools, non-centred parameterisation. The model is the centred program's:
// theta[j] = mu + u[j] with u[j] ~ normal(0, tau) is theta[j] ~ normal(mu, tau). Declaring
// the deviations u with multiplier=tau makes Stan sample the standardised effects
// z[j] = u[j] / tau, whose scale does not depend on tau, and transform back: the funnel is
// gone. z is reported in generated quantities: those are the coordinates the sampler
// moves in. (Declaring theta with offset=mu, multiplier=tau is the same model, but Stan
// then computes theta - mu, which loses all precision if a chain wanders to a tau near
// 1e-17 early in warmup; the deviations avoid that subtraction.)
data {
  int<lower=1> J;
  vector[J] y;                           // estimated coaching effect in each school
  vector<lower=0>[J] sigma;              // its standard error
  real mu_loc;                           // prior mean of the average effect
  real<lower=0> mu_scale;                // prior sd of the average effect
  real<lower=0> tau_scale;               // half-Cauchy scale of the between-school sd
}
parameters {
  real mu;
  real<lower=0> tau;
  vector<multiplier=tau>[J] u;           // each school's deviation from mu
}
transformed parameters {
  vector[J] theta = mu + u;              // each school's true effect
}
model {
  mu ~ normal(mu_loc, mu_scale);
  tau ~ cauchy(0, tau_scale);
  u ~ normal(0, tau);
  y ~ normal(theta, sigma);
}
generated quantities {
  vector[J] z = u / tau;                 // standardised effects: the sampler's coordinates
  vector[J] log_lik;
  for (j in 1:J) {
    log_lik[j] = normal_lpdf(y[j] | theta[j], sigma[j]);
  }
}
