//! `cargo run -p personio-standin -- --port N`: serves the stand-in on 127.0.0.1:N and prints
//! `personio-standin listening on http://127.0.0.1:N` (the e2e harness waits for that line).

use std::io::Write;

use personio_standin::{admin, router, App, Config, UnknownFilters};

fn main() {
    let mut config = Config::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--port" => config.port = args.next().and_then(|p| p.parse().ok()).expect("--port N"),
            "--window-ms" => {
                config.window_ms = args
                    .next()
                    .and_then(|p| p.parse().ok())
                    .expect("--window-ms N")
            }
            "--token-ttl-s" => {
                config.token_ttl_s = args
                    .next()
                    .and_then(|p| p.parse().ok())
                    .expect("--token-ttl-s N")
            }
            "--no-record" => config.record_exchanges = false,
            "--unknown-filters" => {
                config.modes.unknown_filters = match args.next().as_deref() {
                    Some("ignore") => UnknownFilters::Ignore,
                    Some("refuse") => UnknownFilters::Refuse,
                    _ => panic!("--unknown-filters ignore|refuse"),
                }
            }
            "--distrust-observed-filters" => config.modes.distrust_observed_filters = true,
            "--sparse" => config.modes.sparse = true,
            "--problem-json" => config.modes.problem_json = true,
            "-h" | "--help" => {
                println!(
                    "personio-standin [--port N] [--window-ms MS] [--token-ttl-s S] [--no-record] \
                     [--unknown-filters ignore|refuse] [--distrust-observed-filters] [--sparse] [--problem-json]"
                );
                return;
            }
            other => panic!("unknown argument {other}"),
        }
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port))
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = App::new(config);
        eprintln!("seed: {}", admin::seed_json(&app));
        println!("personio-standin listening on http://{addr}");
        std::io::stdout().flush().ok();
        axum::serve(listener, router(app)).await.expect("serve");
    });
}
