//! Group commit: one thread owns the write connection. Requests that arrive while a commit is
//! syncing wait in its queue; the next round takes them all into one transaction, each in a
//! savepoint of its own (a failing request rolls back only itself), commits once (one sync for
//! all of them) and only then answers each: nothing is acknowledged before it is on disk.

use super::storage_failed;
use mesh_engine::ApiError;
use rusqlite::Connection;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use tokio::sync::oneshot;

/// A cap on one transaction, so that a flood of writes still commits (and answers) in rounds.
const MOST_PER_COMMIT: usize = 256;

/// One request's change: runs inside its savepoint, and says whether to keep it.
type Job = Box<dyn FnOnce(&Connection) -> Ran + Send>;

/// What a request did: whether its savepoint stays, and how to answer it.
struct Ran {
    keep: bool,
    answer: Answer,
}

/// Answers a request once the commit that holds it has succeeded or failed.
type Answer = Box<dyn FnOnce(Result<(), ApiError>) + Send>;

/// The queue to the writer thread; the thread stops when the last clone is dropped.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
}

impl Writer {
    pub fn start(connection: Connection) -> Result<Self, String> {
        let (queue, jobs) = mpsc::channel();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || write_rounds(&connection, &jobs))
            .map_err(|error| format!("cannot start the storage writer: {error}"))?;
        Ok(Self { queue })
    }

    /// Runs `change` in the next round's transaction and answers once that round is durable:
    /// its result if the commit succeeded, the commit's error otherwise. An `Err` from
    /// `change` rolls back what it wrote and nothing else.
    pub async fn run<T: Send + 'static>(
        &self,
        change: impl FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |connection| {
            let result = change(connection);
            Ran {
                keep: result.is_ok(),
                answer: Box::new(move |committed| {
                    // The caller may have gone (its connection closed); the change stands.
                    reply.send(committed.and(result)).ok();
                }),
            }
        });
        self.queue.send(job).map_err(|_| ApiError::internal("The storage writer has stopped"))?;
        // A dropped reply: the change panicked, or its round failed before it ran.
        answer.await.map_err(|_| ApiError::internal("The request failed while it was being written; nothing of it was kept"))?
    }
}

fn write_rounds(connection: &Connection, jobs: &mpsc::Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let round: Vec<Job> = std::iter::once(first).chain(jobs.try_iter().take(MOST_PER_COMMIT - 1)).collect();
        let mut answers = Vec::with_capacity(round.len());
        let committed = run_round(connection, round, &mut answers).map_err(storage_failed);
        if committed.is_err() && !connection.is_autocommit() {
            // Nothing of the round is kept; every request in it hears why.
            connection.execute_batch("ROLLBACK").ok();
        }
        for answer in answers {
            answer(committed.clone());
        }
    }
}

/// One transaction for the whole round, a savepoint per request.
fn run_round(connection: &Connection, round: Vec<Job>, answers: &mut Vec<Answer>) -> rusqlite::Result<()> {
    statement(connection, "BEGIN IMMEDIATE")?;
    for job in round {
        statement(connection, "SAVEPOINT request")?;
        match catch_unwind(AssertUnwindSafe(|| job(connection))) {
            Ok(Ran { keep, answer }) => {
                answers.push(answer);
                if !keep {
                    statement(connection, "ROLLBACK TO request")?;
                }
            }
            // The job's reply went with it, so its caller hears that it failed.
            Err(_) => statement(connection, "ROLLBACK TO request")?,
        }
        statement(connection, "RELEASE request")?;
    }
    statement(connection, "COMMIT")
}

fn statement(connection: &Connection, sql: &str) -> rusqlite::Result<()> {
    connection.prepare_cached(sql)?.execute([]).map(drop)
}
