import type { Comment } from '../../src-shared/contract/results';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { formatDateTime } from './time-format';
import { UserText } from '../user-text/UserText';

interface CommentListProps {
  texts: Messages;
  language: LanguageCode;
  comments: readonly Comment[];
}

/** What parents wrote, newest first; one that seems to hold personal data is marked before anyone reads it out. */
export function CommentList({ texts, language, comments }: CommentListProps) {
  return (
    <section aria-labelledby="comments" className="comments">
      <h3 id="comments">{texts['results.comments']}</h3>
      {comments.length === 0 ? (
        <p>{texts['results.noComments']}</p>
      ) : (
        <ul className="comment-list">
          {comments.map((comment, index) => (
            <li key={`${comment.seq}-${index}`} className="comment">
              <p className="comment-meta">
                {formatDateTime(comment.answeredAt, language)} · {comment.language}
                {comment.personalData.length > 0 ? <span className="personal-data-flag"> ⚠ {texts['results.personalData']}</span> : null}
              </p>
              <p className="comment-text" lang={comment.language} dir="auto">
                <UserText text={comment.text} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
