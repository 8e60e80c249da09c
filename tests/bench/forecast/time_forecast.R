# Peer side of compare-peers-forecast: times R forecast's auto.arima, ets and snaive on the shared series with
# the calls of ../../../../shared/datasets/forecasting/run_forecast.R and prints, like bench_forecast,
# "<series> <task> <median seconds> <model label>".
# Usage: Rscript time_forecast.R DATA_DIR REPS EXHAUSTIVE(0|1) [series ...]
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
reps <- as.integer(args[2])
exhaustive <- args[3] == "1"
meta <- read.csv(file.path(dir, "data", "series_meta.csv"), stringsAsFactors = FALSE)
names <- if (length(args) > 3) args[-(1:3)] else meta$name
timed <- function(reps, f) {
  times <- numeric(reps)
  for (r in seq_len(reps)) {
    t0 <- proc.time()[["elapsed"]]
    label <- f()
    times[r] <- proc.time()[["elapsed"]] - t0
  }
  list(s = median(times), label = label)
}
for (nm in names) {
  i <- which(meta$name == nm)
  df <- read.csv(file.path(dir, "data", paste0(nm, ".csv")))
  x <- ts(df$value, start = c(meta$start_year[i], meta$start_period[i]), frequency = meta$frequency[i])
  n <- length(x)
  train <- ts(as.numeric(x)[1:(n - 12)], start = start(x), frequency = frequency(x))
  out <- function(task, r) cat(sprintf("%s %s %.6f %s\n", nm, task, r$s, gsub(" ", "_", r$label)))
  arima_label <- function(fit) forecast:::arima.string(fit, padding = FALSE)
  out("auto_arima_full", timed(reps, function() arima_label(auto.arima(x))))
  out("ets_full", timed(reps, function() ets(x)$method))
  out("auto_arima_holdout", timed(reps, function() arima_label(auto.arima(train))))
  out("ets_holdout", timed(reps, function() ets(train)$method))
  out("snaive_holdout", timed(reps, function() { snaive(train, h = 12, level = c(80, 95)); "snaive" }))
  if (exhaustive)
    out("auto_arima_exhaustive_full",
        timed(1, function() arima_label(auto.arima(x, stepwise = FALSE, approximation = FALSE))))
}
