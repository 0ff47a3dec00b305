//! The in-memory store behind every service, and the rules the services share: what a valid,
//! unique title is.

use crate::routes::todos::{
    CreateTodoResponseData, GetTodoResponseData, ListTodosResponseDataItem, UpdateTodoResponseData,
};

/// The longest title, in characters, after trimming.
pub const MAX_TITLE_CHARS: usize = 200;

/// One todo as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Todo {
    /// A UUID v4, lower case and hyphenated.
    pub id: String,
    /// Trimmed, 1 to [`MAX_TITLE_CHARS`] characters, unique ignoring case.
    pub title: String,
    pub done: bool,
    pub tags: Vec<String>,
    /// When it was created, RFC 3339 in UTC (`2025-01-31T09:30:00.123Z`).
    pub created_at: String,
}

/// Every todo, in the order they were created (oldest first).
#[derive(Debug, Default)]
pub struct Store {
    todos: Vec<Todo>,
}

/// Why a title cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum TitleError {
    /// Empty after trimming, or longer than [`MAX_TITLE_CHARS`]; the text says which.
    Invalid(String),
    /// Another todo has it, ignoring case; the text says which.
    Taken(String),
}

impl Store {
    /// Every todo, oldest first.
    pub fn todos(&self) -> &[Todo] {
        &self.todos
    }

    /// The todo with this id.
    pub fn get(&self, id: &str) -> Option<&Todo> {
        self.todos.iter().find(|todo| todo.id == id)
    }

    /// The todo with this id, to change.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Todo> {
        self.todos.iter_mut().find(|todo| todo.id == id)
    }

    /// Adds `todo` as the newest.
    pub fn insert(&mut self, todo: Todo) {
        self.todos.push(todo);
    }

    /// Removes the todo with this id; `None` if there is none.
    pub fn remove(&mut self, id: &str) -> Option<Todo> {
        let index = self.todos.iter().position(|todo| todo.id == id)?;
        Some(self.todos.remove(index))
    }

    /// `title` trimmed, if it is 1 to [`MAX_TITLE_CHARS`] characters long and no todo but
    /// `except` (the one being renamed) has it, ignoring case.
    pub fn check_title(&self, title: &str, except: Option<&str>) -> Result<String, TitleError> {
        // Spaces, tabs and line breaks: the ones the contract's pattern for a title
        // (`[^ \t\n\r\f]`, a character that is none of them) names, so that every title the
        // contract lets through has something left after trimming.
        let title = title.trim_matches(|c: char| c.is_ascii_whitespace());
        let chars = title.chars().count();
        if chars == 0 {
            return Err(TitleError::Invalid("the title is empty".to_owned()));
        }
        if chars > MAX_TITLE_CHARS {
            return Err(TitleError::Invalid(format!(
                "the title has {chars} characters; at most {MAX_TITLE_CHARS} are allowed"
            )));
        }
        let lower = title.to_lowercase();
        let taken = self
            .todos
            .iter()
            .any(|todo| Some(todo.id.as_str()) != except && todo.title.to_lowercase() == lower);
        if taken {
            return Err(TitleError::Taken(format!("a todo titled {title:?} exists")));
        }
        Ok(title.to_owned())
    }
}

/// A fresh id: a random UUID v4.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The time now, RFC 3339 in UTC with milliseconds.
pub fn now() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

/// Each operation's contract defines its own copy of the todo object; they all come from a
/// [`Todo`] the same way.
macro_rules! from_todo {
    ($($data:ty),* $(,)?) => {$(
        impl From<&Todo> for $data {
            fn from(todo: &Todo) -> Self {
                Self {
                    id: todo.id.clone(),
                    title: todo.title.clone(),
                    done: todo.done,
                    tags: todo.tags.clone(),
                    created_at: todo.created_at.clone(),
                }
            }
        }
    )*};
}

from_todo!(
    CreateTodoResponseData,
    GetTodoResponseData,
    ListTodosResponseDataItem,
    UpdateTodoResponseData,
);

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(title: &str) -> Store {
        let mut store = Store::default();
        store.insert(Todo {
            id: "a".to_owned(),
            title: title.to_owned(),
            done: false,
            tags: Vec::new(),
            created_at: now(),
        });
        store
    }

    #[test]
    fn titles_are_trimmed_and_counted_in_characters() {
        let store = Store::default();
        assert_eq!(
            store.check_title("  Buy milk \n", None),
            Ok("Buy milk".to_owned())
        );
        assert!(matches!(
            store.check_title(" \t ", None),
            Err(TitleError::Invalid(_))
        ));
        // 200 two-byte characters are 400 bytes, and still allowed.
        assert!(store.check_title(&"é".repeat(200), None).is_ok());
        assert!(matches!(
            store.check_title(&"é".repeat(201), None),
            Err(TitleError::Invalid(_))
        ));
    }

    #[test]
    fn titles_are_unique_ignoring_case_except_for_the_todo_itself() {
        let store = store_with("Buy milk");
        assert!(matches!(
            store.check_title("BUY MILK", None),
            Err(TitleError::Taken(_))
        ));
        assert_eq!(
            store.check_title("buy MILK", Some("a")),
            Ok("buy MILK".to_owned())
        );
    }

    #[test]
    fn ids_are_uuid_v4_and_times_rfc_3339_utc() {
        let id = new_id();
        assert_eq!(
            uuid::Uuid::parse_str(&id).map(|id| id.get_version_num()),
            Ok(4)
        );
        let time = now();
        assert!(humantime::parse_rfc3339(&time).is_ok(), "{time}");
        assert!(time.ends_with('Z'), "{time}");
    }
}
