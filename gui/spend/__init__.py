"""View → Spend…: cost and tokens over time by model, provider or source; the chart; CSV export."""
