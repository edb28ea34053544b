// Progressive enhancement only: every form also works as a plain post.
