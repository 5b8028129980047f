// Title: Latent Dirichlet allocation with the topic assignments summed out.
// Data:   a simulated corpus (document-word counts) in lda.md;
//         austen (data/corpus_austen_paragraphs.tsv.gz; Silge 2017) only to time
//         the gradient on a real corpus's size
// Priors: theta[d] ~ dirichlet(alpha, ..., alpha); phi[k] ~ dirichlet(beta, ..., beta).
//         Both data. lda.md, dict TINY_PRIORS (the tiny simulated corpus): alpha = 0.5,
//         beta = 0.5; dict PRIORS (Austen, to time the gradient): alpha = 0.5, beta = 0.1.
// Pages:  chapters/05-mixtures/lda.md
// PyMC:   none (the notebook's second engine is its own collapsed Gibbs sampler,
//         `gibbs_sweeps` in chapters/05-mixtures/lda.md)
//
// Each document d has topic proportions theta[d] (a simplex over K topics); each topic k
// is a distribution phi[k] over the V words of the vocabulary. Every word of document d
// has an unobserved topic z ~ categorical(theta[d]), and is drawn from
// categorical(phi[z]). HMC cannot sample the discrete z, so it is summed out: word w in
// document d has probability sum_k theta[d, k] * phi[k, w], computed on the log scale
// with log_sum_exp. Word order does not matter, so the data are the distinct (document,
// word) pairs with their counts: each pair's log probability is computed once and
// multiplied by its count. The topics are exchangeable: relabelling them leaves the
// posterior unchanged (label switching), so chains are aligned after sampling.
data {
  int<lower=1> K;  // topics
  int<lower=1> V;  // vocabulary size
  int<lower=1> D;  // documents
  int<lower=1> N;  // distinct (document, word) pairs of the corpus
  array[N] int<lower=1, upper=D> doc;
  array[N] int<lower=1, upper=V> word;
  vector<lower=1>[N] count;  // how often word[n] occurs in document doc[n]
  real<lower=0> alpha;  // Dirichlet concentration of each document's theta
  real<lower=0> beta;  // Dirichlet concentration of each topic's phi
}
transformed data {
  vector[K] alpha_vector = rep_vector(alpha, K);
  vector[V] beta_vector = rep_vector(beta, V);
}
parameters {
  array[D] simplex[K] theta;
  array[K] simplex[V] phi;
}
model {
  for (d in 1:D) {
    theta[d] ~ dirichlet(alpha_vector);
  }
  for (k in 1:K) {
    phi[k] ~ dirichlet(beta_vector);
  }
  profile("likelihood") {
    array[D] vector[K] log_theta;
    matrix[V, K] log_phi;  // row w: log phi[k, w] over the topics k
    vector[N] lp;  // log p(word[n] | theta[doc[n]], phi), one occurrence
    for (d in 1:D) {
      log_theta[d] = log(theta[d]);
    }
    for (k in 1:K) {
      log_phi[ : , k] = log(phi[k]);
    }
    for (n in 1:N) {
      lp[n] = log_sum_exp(log_theta[doc[n]] + log_phi[word[n]]');
    }
    real log_lik = dot_product(count, lp);  // log p(words | theta, phi)
    target += log_lik;
  }
}
