//! One log line per request (method, path, status, milliseconds), and the
//! `x-amzn-RequestId` every App Mesh answer carries.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn log_and_tag(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let mut response = next.run(request).await;
    let request_id = uuid::Uuid::new_v4().to_string();
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-amzn-RequestId", value);
    }
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    println!("{method} {path} {} {millis:.1}ms", response.status().as_u16());
    response
}
