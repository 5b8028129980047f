// Title: Response times as a two-component mixture with participant-varying shares.
// Data:   fhch2010 (data/fhch2010_rt.csv; Freeman, Heathcote, Chalmers & Hockley 2010,
//         via R package afex): correct lexical decisions slower than 0.35 s, log seconds
// Priors: alpha ~ normal(alpha_loc, alpha_scale); tau ~ half-normal(0, tau_scale);
//         theta ~ normal(alpha, tau); sigma ~ lognormal(sigma_loc, sigma_scale), each
//         component's, whether sampled as sigma_ordered or sigma_free; delta ~
//         normal(delta_loc, delta_scale) (truncated at 0 when identified); mu_lambda ~
//         normal(mu_lambda_loc, mu_lambda_scale); tau_lambda ~ half-normal(0,
//         tau_lambda_scale); logit_lambda ~ normal(mu_lambda, tau_lambda). All data, from
//         the dict PRIORS of multilevel-mixture.md: alpha_loc = -0.3, alpha_scale = 0.5,
//         tau_scale = 0.5, sigma_loc = -1.39 (log 0.25), sigma_scale = 0.5, delta_loc =
//         0.5, delta_scale = 0.5, mu_lambda_loc = 0, mu_lambda_scale = 1,
//         tau_lambda_scale = 1.5. With mixture = 0, delta, mu_lambda and tau_lambda do
//         not enter the likelihood and are drawn from these priors.
// Pages:  chapters/05-mixtures/multilevel-mixture.md
// PyMC:   chapters/05-mixtures/multilevel-mixture.md, `mixture_pymc` (identified = 1,
//         pm.NormalMixture; reads the dict PRIORS)
//
// y[i] is the log response time of trial i, by participant group[i]. With mixture = 1,
// a trial is a quick response with probability 1 - lambda[j] or a slow one with
// probability lambda[j], and the label is summed out:
//
//   y[i] ~ (1 - lambda[j]) normal(theta[j], sigma[1])
//          + lambda[j] normal(theta[j] + delta, sigma[2]),
//   lambda[j] = inv_logit(logit_lambda[j]) / 2, logit_lambda ~ normal(mu_lambda, tau_lambda),
//   theta[j] ~ normal(alpha, tau).
//
// Each participant has their own quick location theta[j] and their own share of slow
// responses lambda[j]; the delay delta and the two sds are shared by all (a topic
// model's shared topics, with weights that vary by document). With the data flag
// identified = 1, three constraints say what a slow response is: later (delta > 0), more
// variable (sigma[1] < sigma[2], positive_ordered) and, for every participant, the
// exception (lambda[j] < 1/2). With identified = 0 there are none (delta real, sds
// unordered, lambda[j] = inv_logit(logit_lambda[j]) < 1), and relabelling the components
// leaves the likelihood unchanged. mixture = 0 is the single lognormal (theta[j] and
// sigma[1] only), for comparison. The logits are non-centred with offset/multiplier.
// pointwise = 1 returns log_lik, replicated log times y_rep and slow[i], the probability
// that trial i is slow given the parameters.
functions {
  // log of each component's weight times its density at y[i]: quick, then slow
  // (log_cap: the log of the largest share of slow responses, log 1/2 or log 1)
  array[] vector weighted_log_densities(vector y, array[] int group, vector theta,
                                        vector logit_lambda, real log_cap, real delta,
                                        vector sigma) {
    vector[rows(y)] mu = theta[group];
    vector[rows(y)] log_slow = log_cap + log_inv_logit(logit_lambda[group]);
    return {log1m_exp(log_slow) - log(sigma[1]) - 0.5 * log(2 * pi())
              - 0.5 * square((y - mu) / sigma[1]),
            log_slow - log(sigma[2]) - 0.5 * log(2 * pi())
              - 0.5 * square((y - mu - delta) / sigma[2])};
  }
  // the mixture's log density of each y[i]: log(exp(lp[1][i]) + exp(lp[2][i]))
  vector log_mix_pairs(array[] vector lp) {
    return lp[2] + log1p_exp(lp[1] - lp[2]);
  }
  // the mixture's log density of all y, the labels summed out
  real quick_slow_lpdf(vector y, array[] int group, vector theta, vector logit_lambda,
                       real log_cap, real delta, vector sigma) {
    return sum(log_mix_pairs(weighted_log_densities(y, group, theta, logit_lambda,
                                                    log_cap, delta, sigma)));
  }
}
data {
  int<lower=1> N;
  int<lower=1> J;                            // participants
  vector[N] y;                               // log response times (log seconds)
  array[N] int<lower=1, upper=J> group;
  int<lower=0, upper=1> mixture;             // 1: quick and slow; 0: one lognormal
  int<lower=0, upper=1> identified;          // 1: delta > 0, sigma[1] < sigma[2], lambda < 1/2
  real alpha_loc;
  real<lower=0> alpha_scale;
  real<lower=0> tau_scale;
  real sigma_loc;
  real<lower=0> sigma_scale;
  real mu_lambda_loc;
  real<lower=0> mu_lambda_scale;
  real<lower=0> tau_lambda_scale;
  real delta_loc;
  real<lower=0> delta_scale;
  int<lower=0, upper=1> pointwise;           // 1: log_lik, y_rep, slow
}
transformed data {
  int M = mixture;                           // 1 if there is a slow component
  int S = M && identified;                   // 1 if the constraints apply
  real log_cap = S ? log(0.5) : 0;           // lambda < 1/2, or < 1
}
parameters {
  real alpha;
  real<lower=0> tau;
  vector[J] theta;                           // each participant's quick location
  positive_ordered[S ? 2 : 0] sigma_ordered;
  vector<lower=0>[S ? 0 : 1 + M] sigma_free;
  real<lower=(S ? 0 : negative_infinity())> delta;  // the slow component's delay
  real mu_lambda;
  real<lower=0> tau_lambda;
  vector<offset=mu_lambda, multiplier=tau_lambda>[M ? J : 0] logit_lambda;
}
transformed parameters {
  vector[1 + M] sigma = S ? sigma_ordered : sigma_free;  // sds: quick, slow
  vector[M ? J : 0] lambda = exp(log_cap) * inv_logit(logit_lambda);  // slow shares
}
model {
  alpha ~ normal(alpha_loc, alpha_scale);
  tau ~ normal(0, tau_scale);
  theta ~ normal(alpha, tau);
  sigma ~ lognormal(sigma_loc, sigma_scale);  // sigma_ordered or sigma_free
  delta ~ normal(delta_loc, delta_scale);
  mu_lambda ~ normal(mu_lambda_loc, mu_lambda_scale);
  tau_lambda ~ normal(0, tau_lambda_scale);
  if (M) {
    logit_lambda ~ normal(mu_lambda, tau_lambda);
    y ~ quick_slow(group, theta, logit_lambda, log_cap, delta, sigma);
  } else {
    y ~ normal(theta[group], sigma[1]);
  }
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  vector[pointwise ? N : 0] y_rep;
  vector[pointwise && M ? N : 0] slow;
  if (pointwise) {
    if (M) {
      array[2] vector[N] lp = weighted_log_densities(y, group, theta, logit_lambda,
                                                     log_cap, delta, sigma);
      log_lik = log_mix_pairs(lp);
      slow = exp(lp[2] - log_lik);
      for (i in 1:N) {
        int k = bernoulli_rng(lambda[group[i]]);  // 1: a slow response
        y_rep[i] = normal_rng(theta[group[i]] + k * delta, sigma[1 + k]);
      }
    } else {
      for (i in 1:N) {
        log_lik[i] = normal_lpdf(y[i] | theta[group[i]], sigma[1]);
        y_rep[i] = normal_rng(theta[group[i]], sigma[1]);
      }
    }
  }
}
