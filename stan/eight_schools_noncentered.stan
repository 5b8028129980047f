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
