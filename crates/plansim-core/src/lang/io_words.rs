//! What the system says of a file it cannot read, in words rather than its code, in either
//! language: at the bottom with the other words, so that errors and notices can say it.

/// What the system said of a file, in words rather than its code: `no such file or folder`
/// for `No such file or directory (os error 2)`; [`io_words`] says it in Chinese.
pub fn io_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a folder".into(),
        ErrorKind::NotADirectory => "a part of its path is not a folder".into(),
        _ => {
            let said = e.to_string();
            match said.rfind(" (os error ") {
                Some(i) if said.ends_with(')') => said[..i].to_string(),
                _ => said,
            }
        }
    }
}

/// [`io_text`]'s words in a language: the common ones in Chinese, the rest as the system said.
pub fn io_words(text: &str, lang: super::Lang) -> String {
    if lang.is_en() {
        return text.to_string();
    }
    match text {
        "no such file or folder" => "文件或文件夹不存在",
        "permission denied" => "没有读取权限",
        "it is a folder" => "这是文件夹",
        "a part of its path is not a folder" => "路径中有一部分不是文件夹",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// The system's words without its code, the common ones in Chinese too.
    #[test]
    fn what_the_system_says_is_said_in_words() {
        let missing = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_text(&missing), "no such file or folder");
        assert_eq!(io_words(&io_text(&missing), Lang::Zh), "文件或文件夹不存在");
        // a kind without words of its own: as the system says it, less `(os error 28)`
        let full = std::io::Error::from_raw_os_error(28);
        let said = io_text(&full);
        assert!(!said.contains("os error") && !said.is_empty(), "{said}");
        assert_eq!(io_words(&said, Lang::Zh), said);
    }
}
