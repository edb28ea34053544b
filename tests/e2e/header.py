"""The header's two menus, as browser tests open them (language and account)."""


def sign_out(page) -> None:
    page.locator("#account-menu").click()  # "Sign out" is in the account menu
    page.get_by_role("button", name="Sign out").click()


def choose_language(page, name: str) -> None:
    page.locator("#language-menu").click()  # the other languages are in the language menu
    page.get_by_role("button", name=name).click()
