DEMO_PASSWORD = "route27-demo"  # every demo account; shown on the login page in make run
