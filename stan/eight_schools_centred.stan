// Eight schools, centred: theta[j] ~ normal(mu, tau) sampled directly, fitted to show divergences.
// Data:   eight_schools (data/eight_schools.csv; Rubin 1981): estimates y and standard errors sigma
// Priors: mu ~ normal(mu_loc, mu_scale); tau ~ half-Cauchy(0, tau_scale); theta ~ normal(mu, tau).
//         mu_loc, mu_scale and tau_scale are data (the notebook's PRIORS dict): mu_loc = 0,
//         mu_scale = 20, tau_scale = 5 (fit_c, and fit_c99 in an exercise).
// Pages:  chapters/02-hierarchical/eight-schools.md
// PyMC:   none (Stan only: the centred form is the teaching pathology, fitted to show its
//         divergences; the page's PyMC model is the twin of eight_schools_noncentred)
//
// Eight schools, centred parameterisation: each school's effect is drawn directly from
// the population, theta[j] ~ normal(mu, tau). With few, noisy groups this produces a
// funnel (small tau forces every theta[j] close to mu) that the sampler cannot enter:
// it reports divergent transitions. The chapter fits it to show exactly that.
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
  vector[J] theta;
}
model {
  mu ~ normal(mu_loc, mu_scale);
  tau ~ cauchy(0, tau_scale);
  theta ~ normal(mu, tau);
  y ~ normal(theta, sigma);
}
