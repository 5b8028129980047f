// Response times: lognormal, shifted lognormal or ex-Gaussian, with participant effects.
// Data:   fhch2010 (data/fhch2010_rt.csv; Freeman, Heathcote, Chalmers & Hockley 2010,
//         via R package afex): correct lexical decisions of a subset of participants
// Priors: alpha ~ normal(alpha_loc, alpha_scale); tau ~ half-normal(0, tau_scale);
//         theta ~ normal(alpha, tau); sigma ~ half-normal(0, sigma_scale);
//         nu ~ half-normal(0, nu_scale) (ex-Gaussian); ndt_share = ndt / rt_min ~
//         beta(ndt_a, ndt_b) (shifted lognormal). All data, from the dict PRIORS of
//         response-times.md: (shifted) lognormal alpha_loc = 0, alpha_scale = 0.5,
//         tau_scale = 0.5, sigma_scale = 0.5, shifted ndt_a = 2, ndt_b = 2;
//         ex-Gaussian alpha_loc = 0.7, alpha_scale = 0.3, tau_scale = 0.3,
//         sigma_scale = 0.2, nu_scale = 0.5 (unused ones passed as nu_scale = 1,
//         ndt_a = 1, ndt_b = 1).
// Pages:  chapters/04-glmm/response-times.md
// PyMC:   chapters/04-glmm/response-times.md, `exgauss_pymc` (family 3, non-centred)
//
// Response time y[i] (seconds) of participant group[i]; theta[j] is participant j's
// location, theta ~ normal(alpha, tau). The data flag `family` picks the likelihood:
//
//   1 lognormal:          log y[i] ~ normal(theta[j], sigma)
//   2 shifted lognormal:  log(y[i] - ndt[j]) ~ normal(theta[j], sigma), 0 < ndt[j] < rt_min[j]
//   3 ex-Gaussian:        y[i] = g + e, g ~ normal(theta[j], sigma), e ~ exponential(mean nu)
//
// The non-decision time ndt[j] must lie below participant j's fastest response, or
// that response would have zero density: its upper bound rt_min is computed in
// transformed data. `centred = 1` samples theta directly; `centred = 0` non-centres it
// with offset/multiplier (the sampler then works on z = (theta - alpha) / tau).
// `pointwise = 1` returns log_lik and replicated data y_rep for every row.
data {
  int<lower=1> N;
  int<lower=1> J;                          // participants
  vector<lower=0>[N] y;                    // response times, seconds
  array[N] int<lower=1, upper=J> group;
  int<lower=1, upper=3> family;            // 1 lognormal, 2 shifted lognormal, 3 ex-Gaussian
  int<lower=0, upper=1> centred;
  real alpha_loc;
  real<lower=0> alpha_scale;
  real<lower=0> tau_scale;
  real<lower=0> sigma_scale;
  real<lower=0> nu_scale;                  // ex-Gaussian: exponential mean, seconds
  real<lower=0> ndt_a;                     // shifted lognormal: beta prior on ndt / rt_min
  real<lower=0> ndt_b;
  int<lower=0, upper=1> pointwise;
}
transformed data {
  vector[J] rt_min = rep_vector(positive_infinity(), J);  // each participant's fastest
  for (i in 1:N) {
    rt_min[group[i]] = fmin(rt_min[group[i]], y[i]);
  }
  int S = family == 2;                     // 1 if the model has a shift
  int E = family == 3;                     // 1 if the model has an exponential part
}
parameters {
  real alpha;
  real<lower=0> tau;
  vector<offset=(centred ? 0 : alpha), multiplier=(centred ? 1 : tau)>[J] theta;
  real<lower=0> sigma;
  vector<lower=0>[E] nu;
  vector<lower=0, upper=1>[S ? J : 0] ndt_share;  // ndt as a share of rt_min
}
transformed parameters {
  vector[S ? J : 0] ndt;                   // non-decision time, 0 < ndt < rt_min
  if (S) {
    ndt = ndt_share .* rt_min;
  }
}
model {
  alpha ~ normal(alpha_loc, alpha_scale);
  tau ~ normal(0, tau_scale);
  theta ~ normal(alpha, tau);
  sigma ~ normal(0, sigma_scale);
  nu ~ normal(0, nu_scale);
  ndt_share ~ beta(ndt_a, ndt_b);
  if (family == 1) {
    y ~ lognormal(theta[group], sigma);
  } else if (family == 2) {
    y - ndt[group] ~ lognormal(theta[group], sigma);
  } else {
    y ~ exp_mod_normal(theta[group], sigma, 1 / nu[1]);  // Stan's third argument: a rate
  }
}
generated quantities {
  vector[J] a = theta - alpha;             // participant deviations
  vector[pointwise ? N : 0] log_lik;
  vector[pointwise ? N : 0] y_rep;
  if (pointwise) {
    for (i in 1:N) {
      int j = group[i];
      if (family == 1) {
        log_lik[i] = lognormal_lpdf(y[i] | theta[j], sigma);
        y_rep[i] = lognormal_rng(theta[j], sigma);
      } else if (family == 2) {
        log_lik[i] = lognormal_lpdf(y[i] - ndt[j] | theta[j], sigma);
        y_rep[i] = ndt[j] + lognormal_rng(theta[j], sigma);
      } else {
        log_lik[i] = exp_mod_normal_lpdf(y[i] | theta[j], sigma, 1 / nu[1]);
        y_rep[i] = exp_mod_normal_rng(theta[j], sigma, 1 / nu[1]);
      }
    }
  }
}
