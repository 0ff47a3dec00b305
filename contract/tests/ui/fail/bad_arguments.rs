use contract::contract;

#[contract(issues / add_comment.md)]
pub async fn a() {}

#[contract("issues/add-comment.md", method = "POST")]
pub async fn b() {}

#[contract("issues/add-comment.md")]
pub struct NotAFunction;

fn main() {}
